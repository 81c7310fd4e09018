/// <reference path="./webassembly.d.ts" />
import { createShardEngine } from './shard-engine';

/** Slots of a worker's control array (`Int32Array` over a SharedArrayBuffer). */
export const CONTROL = {
  /** Sequence number of the last command the main thread posted; −1 tells the worker to stop. */
  command: 0,
  /** Sequence number of the last command the worker finished. */
  done: 1,
  /** 1 when the worker failed; its error is posted on its message port. */
  failed: 2,
  /** First row of the batch in the shared order, rows in the batch, shards per batch. */
  start: 3,
  size: 4,
  shards: 5,
  /** This worker's index (0 is the main thread) and the number of threads. */
  thread: 6,
  threads: 7,
  length: 8,
} as const;

/**
 * A worker thread's loop: wait for a command, copy the current parameters, compute this thread's
 * shards of the batch (shard s belongs to thread s mod threads) into their gradient slots, signal.
 * Self-contained like `createShardEngine` (its source text is what the worker runs).
 */
function workerMain(makeEngine: typeof createShardEngine): void {
  // Not `require`: bundlers rewrite it into a helper the worker's source text does not have.
  const { workerData, parentPort } = process.getBuiltinModule('node:worker_threads');
  const { module, layout, maxRows, buffers, port } = workerData;
  const control = new Int32Array(buffers.control);
  try {
    const engine = makeEngine(
      new WebAssembly.Instance(module, {}).exports as never,
      layout,
      maxRows,
    );
    const x = new Float32Array(buffers.x);
    const y = new Float32Array(buffers.y);
    const order = new Int32Array(buffers.order);
    const params = new Float32Array(buffers.params);
    const grads = new Float32Array(buffers.grads);
    const losses = new Float64Array(buffers.losses);
    const count = layout.paramCount;
    let seen = 0;
    parentPort?.postMessage('ready');
    for (;;) {
      Atomics.wait(control, 0, seen);
      const command = Atomics.load(control, 0);
      if (command < 0) return;
      seen = command;
      const start = control[3] as number;
      const size = control[4] as number;
      const shards = control[5] as number;
      const threads = control[7] as number;
      engine.params.set(params);
      for (let s = control[6] as number; s < shards; s += threads) {
        const from = start + Math.floor((s * size) / shards);
        const rows = start + Math.floor(((s + 1) * size) / shards) - from;
        if (rows === 0) continue;
        engine.gather(x, y, order, from, rows);
        losses[s] = engine.gradient(rows, size);
        grads.set(engine.grad, s * count);
      }
      Atomics.store(control, 1, seen);
      Atomics.notify(control, 1);
    }
  } catch (error) {
    port.postMessage(error instanceof Error ? (error.stack ?? error.message) : String(error));
    Atomics.store(control, 2, 1);
    Atomics.notify(control, 1);
  }
}

/**
 * The source text a worker thread runs (`new Worker(source, { eval: true })`). Transpilers that
 * keep function names (tsx, esbuild's `keepNames`) call a `__name` helper inside function bodies;
 * the worker gets a stand-in for it.
 */
export function workerSource(): string {
  return [
    'var __name = (target) => target;',
    `(${workerMain.toString()})(${createShardEngine.toString()});`,
  ].join('\n');
}
