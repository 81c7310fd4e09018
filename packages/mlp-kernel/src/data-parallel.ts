import { availableParallelism } from 'node:os';
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';
import { KernelWorkerError } from './errors';
import { instantiateKernel, kernelModule } from './kernel-module';
import { type NetworkLayout, pad4, padRows } from './layout';
import { createShardEngine, type ShardEngine } from './shard-engine';
import { CONTROL, workerSource } from './worker-source';

/**
 * Shards per batch. Fixed, whatever the number of threads: shard s of a batch always holds the
 * same rows, its gradient is computed by the same code, and the shard gradients are summed in
 * shard order, so 1, 2 or 4 threads give the same bits.
 */
export const SHARDS = 4;

/** How long the main thread waits for a worker's shard before giving up. */
const WORKER_TIMEOUT_MS = 300_000;

export interface DataParallelOptions {
  readonly layout: NetworkLayout;
  /** Row-major `rows × inputs` features and the targets. */
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly rows: number;
  /** Largest batch `step` will be asked for. */
  readonly maxBatch: number;
  /** Threads, the main one included (capped at `SHARDS`); default: the cores there are. */
  readonly threads?: number;
}

interface WorkerHandle {
  readonly worker: Worker;
  readonly control: Int32Array;
  readonly port: MessagePort;
}

/**
 * Mini-batch gradients over `SHARDS` shards, computed by the main thread and `threads − 1`
 * worker threads, each with its own kernel instance, exchanging parameters and gradients through
 * shared memory; then one optimizer step on the main thread.
 */
export class DataParallelTrainer {
  /** The main thread's engine: its `params` are the network's current parameters. */
  readonly engine: ShardEngine;
  /** The permutation of rows `step` reads batches from (write it before each epoch). */
  readonly order: Int32Array;
  #threads: number;
  #fallback: string | null = null;
  readonly #ready: Promise<void>;
  #started = false;
  readonly #layout: NetworkLayout;
  readonly #x: Float32Array;
  readonly #y: Float32Array;
  readonly #params: Float32Array;
  readonly #grads: Float32Array;
  readonly #losses: Float64Array;
  readonly #slots: Float32Array[];
  readonly #workers: WorkerHandle[] = [];
  #sequence = 0;

  constructor(options: DataParallelOptions) {
    const { layout, rows } = options;
    const shared = (bytes: number) => new SharedArrayBuffer(Math.max(bytes, 8));
    const inputs = (layout.layers[0] as NetworkLayout['layers'][number]).inputs;
    if (options.x.length !== rows * inputs || options.y.length !== rows) {
      throw new RangeError(
        `x has ${options.x.length} values and y ${options.y.length}, expected ${rows}×${inputs} and ${rows}`,
      );
    }
    this.#layout = layout;
    this.#x = padRows(options.x, rows, inputs, new Float32Array(shared(rows * pad4(inputs) * 4)));
    this.#y = new Float32Array(shared(rows * 4));
    this.#y.set(options.y.subarray(0, rows));
    this.order = new Int32Array(shared(rows * 4));
    this.#params = new Float32Array(shared(layout.paramCount * 4));
    this.#grads = new Float32Array(shared(SHARDS * layout.paramCount * 4));
    this.#losses = new Float64Array(shared(SHARDS * 8));
    this.#slots = Array.from({ length: SHARDS }, (_, s) =>
      this.#grads.subarray(s * layout.paramCount, (s + 1) * layout.paramCount),
    );
    const shardRows = Math.ceil(options.maxBatch / SHARDS);
    this.engine = createShardEngine(instantiateKernel(), layout, shardRows);
    const wanted = options.threads ?? availableParallelism();
    this.#threads = Math.max(1, Math.min(SHARDS, Math.floor(wanted)));
    try {
      for (let t = 1; t < this.#threads; t++) this.#workers.push(this.#startWorker(t, shardRows));
      this.#ready = Promise.all(this.#workers.map(whenReady)).then(
        () => undefined,
        (error: unknown) => this.#fallBack(error),
      );
    } catch (error) {
      this.#ready = this.#fallBack(error);
    }
  }

  /** Threads computing shards, the main one included. */
  get threads(): number {
    return this.#threads;
  }

  /** Why fewer threads than asked for run (worker threads could not start), or null. */
  get fallback(): string | null {
    return this.#fallback;
  }

  /**
   * Resolves when every worker thread has started; a worker that fails to start makes the
   * trainer run every shard on the main thread (the same bits, only slower). Call before `step`.
   */
  async ready(): Promise<void> {
    await this.#ready;
    this.#started = true;
  }

  async #fallBack(error: unknown): Promise<void> {
    const workers = this.#workers.splice(0);
    this.#threads = 1;
    this.#fallback = `worker threads could not start: ${error instanceof Error ? error.message : String(error)}`;
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }

  #startWorker(thread: number, maxRows: number): WorkerHandle {
    const control = new Int32Array(new SharedArrayBuffer(CONTROL.length * 4));
    control[CONTROL.thread] = thread;
    control[CONTROL.threads] = this.#threads;
    const { port1, port2 } = new MessageChannel();
    const buffers = {
      control: control.buffer,
      x: this.#x.buffer,
      y: this.#y.buffer,
      order: this.order.buffer,
      params: this.#params.buffer,
      grads: this.#grads.buffer,
      losses: this.#losses.buffer,
    };
    const worker = new Worker(workerSource(), {
      eval: true,
      // Plain JavaScript: no loaders (tsx, test runners) need to start in the worker.
      execArgv: [],
      workerData: { module: kernelModule(), layout: this.#layout, maxRows, buffers, port: port2 },
      transferList: [port2],
    });
    return { worker, control, port: port1 };
  }

  /**
   * Computes the gradient of the batch `order[start … start+size)` over the shards, sums it in
   * shard order into the main engine, and returns the batch's summed loss (added in shard order).
   */
  step(start: number, size: number): number {
    if (!this.#started) throw new Error('DataParallelTrainer.step: await ready() first');
    const sequence = ++this.#sequence;
    if (this.#workers.length > 0) {
      this.#params.set(this.engine.params);
      for (const { control } of this.#workers) {
        control[CONTROL.start] = start;
        control[CONTROL.size] = size;
        control[CONTROL.shards] = SHARDS;
        Atomics.store(control, CONTROL.command, sequence);
        Atomics.notify(control, CONTROL.command);
      }
    }
    for (let s = 0; s < SHARDS; s += this.#threads) this.#shard(s, start, size);
    for (const handle of this.#workers) this.#await(handle, sequence);
    let loss = 0;
    const used: Float32Array[] = [];
    for (let s = 0; s < SHARDS; s++) {
      if (shardRows(s, size) === 0) continue;
      loss += this.#losses[s] as number;
      used.push(this.#slots[s] as Float32Array);
    }
    this.engine.reduce(used);
    return loss;
  }

  #shard(s: number, start: number, size: number): void {
    const rows = shardRows(s, size);
    if (rows === 0) return;
    const from = start + Math.floor((s * size) / SHARDS);
    this.engine.gather(this.#x, this.#y, this.order, from, rows);
    this.#losses[s] = this.engine.gradient(rows, size);
    (this.#slots[s] as Float32Array).set(this.engine.grad);
  }

  #await({ control, port }: WorkerHandle, sequence: number): void {
    const deadline = Date.now() + WORKER_TIMEOUT_MS;
    for (let spin = 0; Atomics.load(control, CONTROL.done) !== sequence; spin++) {
      if (Atomics.load(control, CONTROL.failed) === 1) {
        const message = receiveMessageOnPort(port)?.message;
        throw new KernelWorkerError(`a training worker thread failed: ${String(message)}`);
      }
      if (spin < 2000) continue;
      const seen = Atomics.load(control, CONTROL.done);
      if (seen !== sequence) Atomics.wait(control, CONTROL.done, seen, 100);
      if (Date.now() > deadline) {
        throw new KernelWorkerError(
          `a training worker thread did not answer within ${WORKER_TIMEOUT_MS / 1000} s`,
        );
      }
    }
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    const exits = this.#workers.map(({ worker, control, port }) => {
      Atomics.store(control, CONTROL.command, -1);
      Atomics.notify(control, CONTROL.command);
      port.close();
      return worker.terminate();
    });
    this.#workers.length = 0;
    await Promise.all(exits);
  }
}

/**
 * Resolves when the worker posts `ready` to its parent; rejects when it fails first (an `error`
 * event, an exit, or its error message on its own port, read without starting that port).
 */
function whenReady({ worker, port }: WorkerHandle): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (error?: unknown) => {
      // Referenced until it answers (so the process waits for it), not afterwards.
      worker.unref();
      worker.off('message', onMessage);
      worker.off('error', done);
      worker.off('exit', onExit);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onMessage = () => done();
    const onExit = (code: number) => {
      const message = receiveMessageOnPort(port)?.message;
      done(
        new Error(message === undefined ? `the worker exited with code ${code}` : String(message)),
      );
    };
    worker.once('message', onMessage);
    worker.once('error', done);
    worker.once('exit', onExit);
  });
}

/** Rows of shard s in a batch of `size` rows. */
function shardRows(s: number, size: number): number {
  return Math.floor(((s + 1) * size) / SHARDS) - Math.floor((s * size) / SHARDS);
}
