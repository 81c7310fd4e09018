/**
 * The CSV worker threads of this process: started on first use from the inline bundle in
 * `csv-worker-source.ts` (no file to find next to a bundle, no tsx), kept for later reads, and
 * unreferenced while idle so that they never keep the process alive.
 */
import { Worker } from 'node:worker_threads';
import type { ChunkPlan, ChunkResult } from './csv-chunk';
import {
  arrayBuffers,
  type ChunkReply,
  type ChunkTask,
  CSV_WORKER_MARK,
} from './csv-worker-protocol';
import { CSV_WORKER_SOURCE } from './csv-worker-source';
import { CsvWorkerError } from './errors';

/** Parses one chunk somewhere: on a worker thread, or on this thread (one worker). */
export interface ChunkParser {
  parse(
    buffer: SharedArrayBuffer,
    start: number,
    end: number,
    plan: ChunkPlan,
  ): Promise<ChunkResult>;
  /** Hands a result's arrays back once they are copied (a worker parses later chunks into them). */
  recycle?(result: ChunkResult): void;
}

interface Pending {
  readonly resolve: (result: ChunkResult) => void;
  readonly reject: (error: Error) => void;
}

class PooledWorker {
  readonly worker: Worker;
  readonly pending = new Map<number, Pending>();
  private failure: Error | null = null;

  constructor(private readonly onExit: (worker: PooledWorker) => void) {
    this.worker = new Worker(CSV_WORKER_SOURCE, { eval: true, workerData: CSV_WORKER_MARK });
    this.worker.unref();
    this.worker.on('message', (reply: ChunkReply) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`exited with code ${code}`)));
  }

  send(task: ChunkTask, pending: Pending): void {
    if (this.failure !== null) {
      pending.reject(new CsvWorkerError('a CSV worker thread failed', { cause: this.failure }));
      return;
    }
    if (this.pending.size === 0) this.worker.ref();
    this.pending.set(task.id, pending);
    this.worker.postMessage(task);
  }

  recycle(buffers: ArrayBuffer[]): void {
    if (this.failure === null) this.worker.postMessage({ recycle: buffers }, buffers);
  }

  private settle(reply: ChunkReply): void {
    const pending = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (pending === undefined) return;
    if ('result' in reply) pending.resolve(reply.result);
    else pending.reject(new CsvWorkerError(`a CSV worker thread failed: ${reply.error}`));
  }

  private fail(cause: Error): void {
    this.failure ??= cause;
    this.onExit(this);
    for (const pending of this.pending.values()) {
      pending.reject(new CsvWorkerError(`a CSV worker thread failed: ${cause.message}`, { cause }));
    }
    this.pending.clear();
  }
}

/** Sends each chunk to the least busy of `size` workers (started as needed, then reused). */
class WorkerPool {
  private readonly workers: PooledWorker[] = [];
  private nextId = 0;

  parser(size: number): ChunkParser {
    while (this.workers.length < size) {
      this.workers.push(new PooledWorker((gone) => this.remove(gone)));
    }
    const mine = this.workers.slice(0, size);
    return {
      parse: (buffer, start, end, plan) =>
        new Promise<ChunkResult>((resolve, reject) => {
          const worker = mine.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
          worker.send({ id: this.nextId++, buffer, start, end, plan }, { resolve, reject });
        }),
      recycle: (result) => {
        const worker = mine.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
        worker.recycle(arrayBuffers(result));
      },
    };
  }

  private remove(worker: PooledWorker): void {
    const index = this.workers.indexOf(worker);
    if (index >= 0) this.workers.splice(index, 1);
  }
}

const pool = new WorkerPool();

/** A parser over `size` of this process's CSV worker threads. */
export function workerParser(size: number): ChunkParser {
  return pool.parser(size);
}
