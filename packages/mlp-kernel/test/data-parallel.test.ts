import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DataParallelTrainer, SHARDS } from '../src/data-parallel';
import { networkLayout } from '../src/layout';

const rows = 203;
const layout = networkLayout([6, 12, 8, 1], 'elu', 'regression');

function data() {
  let s = 3;
  const next = () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647 - 0.5;
  };
  const x = Float32Array.from({ length: rows * 6 }, next);
  const y = Float32Array.from({ length: rows }, next);
  const params = Float32Array.from({ length: layout.paramCount }, () => next() * 0.5);
  return { x, y, params };
}

/** Two epochs of Adam in batches of 50 (the last one 3 rows: some shards empty). */
async function train(threads: number): Promise<{ hash: string; loss: number; used: number }> {
  const { x, y, params } = data();
  const trainer = new DataParallelTrainer({ layout, x, y, rows, maxBatch: 50, threads });
  // Padding stays zero: start from the packed layout with zeros in the padding.
  trainer.engine.params.set(params.map((v, i) => (isPadding(i) ? 0 : v)));
  let loss = 0;
  let t = 0;
  try {
    await trainer.ready();
    for (let epoch = 0; epoch < 2; epoch++) {
      for (let i = 0; i < rows; i++) trainer.order[i] = (i * 37 + epoch) % rows;
      loss = 0;
      for (let start = 0; start < rows; start += 50) {
        loss += trainer.step(start, Math.min(50, rows - start));
        trainer.engine.adam(++t, 0.01, 0.9, 0.999, 1e-7);
      }
    }
    const hash = createHash('sha256').update(trainer.engine.params).digest('hex');
    return { hash, loss, used: trainer.threads };
  } finally {
    await trainer.close();
  }
}

function isPadding(i: number): boolean {
  for (const layer of layout.layers) {
    const k = i - layer.kernelOffset;
    if (k >= 0 && k < layer.inPad * layer.outPad) {
      return Math.floor(k / layer.outPad) >= layer.inputs || k % layer.outPad >= layer.units;
    }
    const b = i - layer.biasOffset;
    if (b >= 0 && b < layer.outPad) return b >= layer.units;
  }
  return false;
}

describe('DataParallelTrainer', () => {
  it('gives the same bits and losses on 1, 2, 3 and 4 threads', async () => {
    const one = await train(1);
    expect(one.used).toBe(1);
    for (const threads of [2, 3, 4]) {
      const other = await train(threads);
      expect(other.used).toBe(threads);
      expect(other.hash).toBe(one.hash);
      expect(other.loss).toBe(one.loss);
    }
  });

  it('caps the threads at the number of shards', async () => {
    const { x, y } = data();
    const trainer = new DataParallelTrainer({ layout, x, y, rows, maxBatch: 50, threads: 64 });
    expect(trainer.threads).toBe(SHARDS);
    expect(trainer.fallback).toBeNull();
    await trainer.close();
  });

  it('learns: the loss of the second epoch is below the first', async () => {
    const { x, y, params } = data();
    const trainer = new DataParallelTrainer({ layout, x, y, rows, maxBatch: 50, threads: 2 });
    trainer.engine.params.set(params.map((v, i) => (isPadding(i) ? 0 : v)));
    await trainer.ready();
    for (let i = 0; i < rows; i++) trainer.order[i] = i;
    const losses: number[] = [];
    let t = 0;
    for (let epoch = 0; epoch < 2; epoch++) {
      let loss = 0;
      for (let start = 0; start < rows; start += 50) {
        loss += trainer.step(start, Math.min(50, rows - start));
        trainer.engine.adam(++t, 0.01, 0.9, 0.999, 1e-7);
      }
      losses.push(loss);
    }
    await trainer.close();
    expect(losses[1]).toBeLessThan(losses[0] as number);
  });

  it('refuses data whose length does not match the rows', () => {
    const { x, y } = data();
    expect(
      () => new DataParallelTrainer({ layout, x: x.subarray(1), y, rows, maxBatch: 50 }),
    ).toThrow(/x has 1217 values and y 203, expected 203×6 and 203/);
  });
});
