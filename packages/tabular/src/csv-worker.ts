/**
 * The entry point of a CSV worker thread: parses the chunks it is sent with `parseChunk` and
 * sends back the result, transferring its arrays. Bundled by `npm run build:worker` into
 * `csv-worker-source.ts`, which the pool starts with `eval: true`, so the worker needs no file
 * on disk next to whatever bundle (CLI, action) the package ended up in.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ArraySource, parseChunk } from './csv-chunk';
import {
  type ChunkReply,
  type ChunkTask,
  CSV_WORKER_MARK,
  type RecycleMessage,
  transferables,
} from './csv-worker-protocol';

/** Buffers of earlier results that the pool sent back once it had copied them. */
const free: ArrayBuffer[] = [];
const MAX_FREE = 24;

const arrays: ArraySource = {
  take(byteLength) {
    let best = -1;
    for (let i = 0; i < free.length; i++) {
      const size = (free[i] as ArrayBuffer).byteLength;
      if (size >= byteLength && (best < 0 || size < (free[best] as ArrayBuffer).byteLength))
        best = i;
    }
    if (best < 0) return new ArrayBuffer(byteLength);
    return free.splice(best, 1)[0] as ArrayBuffer;
  },
};

function answer(message: ChunkTask | RecycleMessage): void {
  if ('recycle' in message) {
    for (const buffer of message.recycle) if (free.length < MAX_FREE) free.push(buffer);
    return;
  }
  const task = message;
  let reply: ChunkReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const result = parseChunk(Buffer.from(task.buffer), task.start, task.end, task.plan, {
      arrays,
    });
    reply = { id: task.id, result };
    transfer = transferables(result);
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    reply = { id: task.id, error: text };
  }
  parentPort?.postMessage(reply, transfer);
}

if (workerData === CSV_WORKER_MARK) parentPort?.on('message', answer);
