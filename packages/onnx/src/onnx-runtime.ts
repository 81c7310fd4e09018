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

/** An ONNX Runtime session over one model.onnx, for many runs. */
export interface OnnxSession {
  /** The graph's output for each of the `rows` rows of row-major `x` (`rows × nFeatures`). */
  run(x: Float32Array, rows: number): Promise<Float32Array>;
  close(): Promise<void>;
}

/**
 * Opens `bytes` in ONNX Runtime (CPU, `threads` intra-op threads, default 1). Throws
 * `OnnxRuntimeUnavailableError` when ONNX Runtime cannot be loaded and `OnnxModelError` naming
 * `model` when it refuses the file; `run` throws `OnnxModelError` when the output is not
 * `[rows, 1]`.
 */
export async function openOnnxSession(
  bytes: Uint8Array,
  nFeatures: number,
  model: string,
  options: { readonly threads?: number } = {},
): Promise<OnnxSession> {
  const ort = await loadOnnxRuntime();
  let session: Ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, {
      intraOpNumThreads: options.threads ?? 1,
      interOpNumThreads: 1,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OnnxModelError(model, `ONNX Runtime cannot load model.onnx: ${reason}`, {
      cause: error,
    });
  }
  return {
    async run(x, rows) {
      try {
        const feeds = { [ONNX_INPUT]: new ort.Tensor('float32', x, [rows, nFeatures]) };
        const output = (await session.run(feeds))[ONNX_OUTPUT];
        if (output === undefined || output.dims.join(',') !== `${rows},1`) {
          throw new OnnxModelError(
            model,
            `model.onnx returned ${output === undefined ? 'no "output"' : `an output of shape [${output.dims.join(', ')}]`}, expected [${rows}, 1]`,
          );
        }
        return output.data as Float32Array;
      } catch (error) {
        if (error instanceof OnnxModelError) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new OnnxModelError(model, `ONNX Runtime cannot run model.onnx: ${reason}`, {
          cause: error,
        });
      }
    },
    close: () => session.release(),
  };
}

/**
 * Runs the graph of `bytes` once in ONNX Runtime (CPU, one thread) on row-major `x`
 * (`rows × nFeatures`) and returns its one output per row (see `openOnnxSession`).
 */
export async function runOnnx(
  bytes: Uint8Array,
  x: Float32Array,
  nFeatures: number,
  model: string,
): Promise<Float32Array> {
  const session = await openOnnxSession(bytes, nFeatures, model);
  try {
    return Float32Array.from(await session.run(x, x.length / nFeatures));
  } finally {
    await session.close();
  }
}
