/** The messages between the worker pool and a CSV worker thread. */
import type { ChunkPlan, ChunkResult } from './csv-chunk';

/** One chunk to parse: `buffer[start, end)` holds whole lines. */
export interface ChunkTask {
  readonly id: number;
  readonly buffer: SharedArrayBuffer;
  readonly start: number;
  readonly end: number;
  readonly plan: ChunkPlan;
}

export type ChunkReply =
  | { readonly id: number; readonly result: ChunkResult }
  | { readonly id: number; readonly error: string };

/** Buffers of a result the pool has copied, sent back to a worker to parse the next chunks into. */
export interface RecycleMessage {
  readonly recycle: readonly ArrayBuffer[];
}

/** Set in `workerData` of the pool's workers, so the entry point never answers another port. */
export const CSV_WORKER_MARK = 'mlops-csv-worker';

/** The arrays' buffers of a result (reused by a worker once copied). */
export function arrayBuffers(result: ChunkResult): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const array of [...result.values, ...result.codes]) {
    if (array) buffers.push(array.buffer as ArrayBuffer);
  }
  return buffers;
}

/** The buffers a result owns, to transfer instead of copying. */
export function transferables(result: ChunkResult): ArrayBuffer[] {
  const buffers = arrayBuffers(result);
  for (const keys of result.keys) {
    if (keys) buffers.push(keys.bytes.buffer as ArrayBuffer, keys.starts.buffer as ArrayBuffer);
  }
  return buffers;
}
