import type * as Ort from 'onnxruntime-node';
import { OnnxModelError, OnnxRuntimeUnavailableError } from './errors';
import { ONNX_INPUT, ONNX_OUTPUT } from './onnx-metadata';

/** Not a string literal in `import()`, so that bundlers leave the native addon alone. */
const ONNXRUNTIME_NODE = 'onnxruntime-node';

let runtime: Promise<typeof Ort> | undefined;

/**
 * `onnxruntime-node`, imported on first use. Throws `OnnxRuntimeUnavailableError` when it cannot
 * be loaded (not installed, or its native binary does not load on this platform).
 */
export function loadOnnxRuntime(): Promise<typeof Ort> {
  runtime ??= import(ONNXRUNTIME_NODE).then(
    (module: typeof Ort & { default?: typeof Ort }) =>
      module.InferenceSession === undefined && module.default !== undefined
        ? module.default
        : module,
    (error: unknown) => {
      runtime = undefined;
      const reason = error instanceof Error ? error.message : String(error);
      throw new OnnxRuntimeUnavailableError(
        `${ONNXRUNTIME_NODE} cannot be loaded (${reason}): model.onnx cannot be validated. Install it next to the code that runs (npm install ${ONNXRUNTIME_NODE}@1.30.0 --ignore-scripts: the CPU binary is in the package)`,
        { cause: error },
      );
    },
  );
  return runtime;
}

/**
 * Runs the graph of `bytes` in ONNX Runtime (CPU) on row-major `x` (`rows × nFeatures`) and
 * returns its one output per row. Throws `OnnxModelError` naming `model` when ONNX Runtime
 * refuses the file or the output is not `[rows, 1]`.
 */
export async function runOnnx(
  bytes: Uint8Array,
  x: Float32Array,
  nFeatures: number,
  model: string,
): Promise<Float32Array> {
  const ort = await loadOnnxRuntime();
  const rows = x.length / nFeatures;
  let session: Ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OnnxModelError(model, `ONNX Runtime cannot load model.onnx: ${reason}`, {
      cause: error,
    });
  }
  try {
    const feeds = { [ONNX_INPUT]: new ort.Tensor('float32', x, [rows, nFeatures]) };
    const results = await session.run(feeds);
    const output = results[ONNX_OUTPUT];
    if (output === undefined || output.dims.join(',') !== `${rows},1`) {
      throw new OnnxModelError(
        model,
        `model.onnx returned ${output === undefined ? 'no "output"' : `an output of shape [${output.dims.join(', ')}]`}, expected [${rows}, 1]`,
      );
    }
    return Float32Array.from(output.data as Float32Array);
  } catch (error) {
    if (error instanceof OnnxModelError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new OnnxModelError(model, `ONNX Runtime cannot run model.onnx: ${reason}`, {
      cause: error,
    });
  } finally {
    await session.release();
  }
}
