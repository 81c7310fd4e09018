/** The weights or names given to `exportMlpToOnnx` do not describe an MLP it can write. */
export class OnnxExportError extends Error {
  override readonly name = 'OnnxExportError';
  readonly exitCode = 70;
  /** The model the weights are of. */
  readonly model: string;

  constructor(model: string, message: string, options?: { cause?: unknown }) {
    super(`${model}: ${message}`, options);
    this.model = model;
  }
}

/**
 * `onnxruntime-node` (the native runtime that validates the files) cannot be loaded: the
 * environment, not the input (exit code 70).
 */
export class OnnxRuntimeUnavailableError extends Error {
  override readonly name = 'OnnxRuntimeUnavailableError';
  readonly exitCode = 70;
}

/** ONNX Runtime refused to load or run a file (an invalid model), or its output has another shape. */
export class OnnxModelError extends Error {
  override readonly name = 'OnnxModelError';
  readonly exitCode = 70;
  readonly model: string;

  constructor(model: string, message: string, options?: { cause?: unknown }) {
    super(`${model}: ${message}`, options);
    this.model = model;
  }
}

/** The ONNX file predicts something else than the TF.js network it was exported from. */
export class OnnxMismatchError extends Error {
  override readonly name = 'OnnxMismatchError';
  readonly exitCode = 70;
  readonly model: string;
  /** The sample row (0-based) with the largest error relative to the tolerance. */
  readonly row: number;
  readonly onnx: number;
  readonly expected: number;

  constructor(model: string, row: number, onnx: number, expected: number, tolerance: string) {
    super(
      `${model}: model.onnx predicts ${onnx} for sample row ${row} where the TF.js network predicts ${expected} (|difference| ${Math.abs(onnx - expected)} > ${tolerance})`,
    );
    this.model = model;
    this.row = row;
    this.onnx = onnx;
    this.expected = expected;
  }
}
