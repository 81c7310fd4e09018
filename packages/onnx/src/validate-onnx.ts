import { OnnxMismatchError, OnnxModelError } from './errors';
import { runOnnx } from './onnx-runtime';

/**
 * How close ONNX Runtime must come to TF.js: |onnx − expected| ≤ relative·max(|expected|, 1).
 * Both compute in float32 but in different orders (blocked GEMM, FMA, other tanh/exp/sigmoid
 * approximations), so they differ by a few float32 ulps (2⁻²³ ≈ 1.2e-7) of each layer's sums.
 * 1e-5 allows ~80 ulps; the floor of 1 keeps outputs near zero (where a relative bound is
 * meaningless: a dot product's error scales with Σ|wᵢxᵢ|, not with its result) to 1e-5 absolute.
 */
export const DEFAULT_RELATIVE_TOLERANCE = 1e-5;

export interface ValidateOnnxOptions {
  /** The model named in errors. */
  readonly model: string;
  readonly relativeTolerance?: number;
}

export interface OnnxValidation {
  readonly rows: number;
  /** The largest |onnx − expected| / max(|expected|, 1) over the rows. */
  readonly maxError: number;
  readonly worstRow: number;
}

/**
 * Loads `bytes` in `onnxruntime-node`, runs it on `sampleX` (row-major, `expected.length` rows)
 * and compares each row with `expected` (the TF.js network's predictions on the same rows).
 * Throws `OnnxMismatchError` naming the model and the worst row when one is beyond the
 * tolerance (or not finite), `OnnxModelError` when ONNX Runtime refuses the file, and
 * `OnnxRuntimeUnavailableError` when ONNX Runtime cannot be loaded: validation is never skipped.
 */
export async function validateOnnx(
  bytes: Uint8Array,
  sampleX: Float32Array,
  expected: ArrayLike<number>,
  options: ValidateOnnxOptions,
): Promise<OnnxValidation> {
  const rows = expected.length;
  if (rows === 0 || sampleX.length % rows !== 0) {
    throw new OnnxModelError(
      options.model,
      `the validation sample holds ${sampleX.length} values for ${rows} expected predictions: not a whole number of features per row`,
    );
  }
  const tolerance = options.relativeTolerance ?? DEFAULT_RELATIVE_TOLERANCE;
  const predicted = await runOnnx(bytes, sampleX, sampleX.length / rows, options.model);
  let maxError = -1;
  let worstRow = 0;
  for (let row = 0; row < rows; row++) {
    const want = expected[row] as number;
    const error = Math.abs((predicted[row] as number) - want) / Math.max(Math.abs(want), 1);
    const comparable = Number.isFinite(error) ? error : Number.POSITIVE_INFINITY;
    if (comparable > maxError) {
      maxError = comparable;
      worstRow = row;
    }
  }
  if (!(maxError <= tolerance)) {
    throw new OnnxMismatchError(
      options.model,
      worstRow,
      predicted[worstRow] as number,
      expected[worstRow] as number,
      `${tolerance}·max(|expected|, 1)`,
    );
  }
  return { rows, maxError, worstRow };
}
