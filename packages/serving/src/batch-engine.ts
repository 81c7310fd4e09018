import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ONNX_FILE, type OnnxSession, openOnnxSession } from '@repo/onnx';

/**
 * Rows from which a batch goes to ONNX Runtime instead of the fused kernel. Below it the kernel
 * answers faster (one call, no tensor or promise); above it ONNX Runtime's native AVX kernels do
 * (see docs/decisions/0010-fused-mlp-kernel.md).
 */
export const ONNX_MIN_ROWS = 64;

/** Where large batches of a loaded version are predicted. */
export interface BatchEngine {
  /**
   * The network's outputs for the `rows` rows of `x` in ONNX Runtime, or null when this version
   * has no usable `model.onnx` or ONNX Runtime cannot load here: then the caller predicts on its
   * own network. The first call opens the session.
   */
  run(x: Float32Array, rows: number): Promise<Float32Array | null>;
  /** Why batches are not predicted in ONNX Runtime (null while they are, or not tried yet). */
  readonly unavailable: string | null;
  close(): Promise<void>;
}

/**
 * The batch engine of the version in `dir`: its verified `model.onnx` in ONNX Runtime, opened on
 * first use. A version without the file, or a machine where ONNX Runtime does not load, degrades
 * to the caller's network (the reason is kept in `unavailable`), never to an error.
 */
export function onnxBatchEngine(dir: string, nFeatures: number, model: string): BatchEngine {
  let session: Promise<OnnxSession | null> | undefined;
  let unavailable: string | null = null;
  const open = async (): Promise<OnnxSession | null> => {
    try {
      const bytes = await readFile(join(dir, ONNX_FILE));
      return await openOnnxSession(new Uint8Array(bytes), nFeatures, model);
    } catch (error) {
      unavailable = error instanceof Error ? error.message : String(error);
      return null;
    }
  };
  return {
    async run(x, rows) {
      session ??= open();
      const ready = await session;
      return ready === null ? null : ready.run(x, rows);
    },
    get unavailable() {
      return unavailable;
    },
    async close() {
      const ready = await session;
      await ready?.close();
    },
  };
}
