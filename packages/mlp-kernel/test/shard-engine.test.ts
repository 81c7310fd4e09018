import { describe, expect, it } from 'vitest';
import { instantiateKernel } from '../src/kernel-module';
import {
  type NetworkLayout,
  networkLayout,
  packWeights,
  padRows,
  unpackWeights,
} from '../src/layout';
import { createShardEngine } from '../src/shard-engine';

type Act = 'relu' | 'tanh' | 'elu';

/** `values[i]`, which the test knows is there. */
function at<T>(values: ArrayLike<T>, i: number): T {
  return values[i] as T;
}
const activations: Record<Act, (z: number) => number> = {
  relu: (z) => Math.max(z, 0),
  tanh: Math.tanh,
  elu: (z) => (z > 0 ? z : Math.expm1(z)),
};

/** A seeded uniform generator in [−0.5, 0.5). */
function uniform(seed: number) {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647 - 0.5;
  };
}

/** The mean loss of the network in float64, the reference for the kernel. */
function referenceLoss(
  weights: Float32Array[],
  sizes: number[],
  act: Act,
  task: 'regression' | 'classification',
  x: Float32Array,
  y: Float32Array,
  rows: number,
): number {
  let total = 0;
  for (let r = 0; r < rows; r++) {
    let a = Array.from(x.subarray(r * at(sizes, 0), (r + 1) * at(sizes, 0)));
    for (let l = 0; l + 1 < sizes.length; l++) {
      const kernel = at(weights, 2 * l);
      const bias = at(weights, 2 * l + 1);
      const out = Array.from({ length: at(sizes, l + 1) }, (_, j) => {
        let z = at(bias, j);
        a.forEach((v, i) => {
          z += v * at(kernel, i * at(sizes, l + 1) + j);
        });
        return l + 2 < sizes.length ? activations[act](z) : z;
      });
      a = out;
    }
    const z = at(a, 0);
    total +=
      task === 'regression'
        ? (z - at(y, r)) ** 2
        : Math.max(z, 0) - z * at(y, r) + Math.log1p(Math.exp(-Math.abs(z)));
  }
  return total / rows;
}

function setup(act: Act, task: 'regression' | 'classification', rows: number) {
  const sizes = [5, 6, 3, 1];
  const layout: NetworkLayout = networkLayout(sizes, act, task);
  const random = uniform(7);
  const weights = layout.layers.flatMap((l) => [
    Float32Array.from({ length: l.inputs * l.units }, () => random()),
    Float32Array.from({ length: l.units }, () => random() * 0.2),
  ]);
  const x = Float32Array.from({ length: rows * 5 }, () => random() * 4);
  const y = Float32Array.from({ length: rows }, () =>
    task === 'classification' ? (random() > 0 ? 1 : 0) : random(),
  );
  const engine = createShardEngine(instantiateKernel(), layout, 16);
  engine.params.set(packWeights(layout, weights));
  engine.gather(
    padRows(x, rows, 5),
    y,
    Int32Array.from({ length: rows }, (_, i) => i),
    0,
    rows,
  );
  return { sizes, layout, weights, x, y, engine };
}

describe('createShardEngine', () => {
  for (const act of ['relu', 'tanh', 'elu'] as const) {
    for (const task of ['regression', 'classification'] as const) {
      it(`matches a float64 reference and its finite differences for ${act} ${task}`, () => {
        const rows = 7;
        const { sizes, layout, weights, x, y, engine } = setup(act, task, rows);
        const loss = engine.gradient(rows, rows) / rows;
        expect(loss).toBeCloseTo(referenceLoss(weights, sizes, act, task, x, y, rows), 5);
        const gradient = unpackWeights(layout, engine.grad);
        const h = 1e-3;
        weights.forEach((w, i) => {
          for (let j = 0; j < w.length; j++) {
            const copy = weights.map((v) => Float64Array.from(v) as unknown as Float32Array);
            const cell = at(copy, i);
            cell[j] = at(cell, j) + h;
            const up = referenceLoss(copy, sizes, act, task, x, y, rows);
            cell[j] = at(cell, j) - 2 * h;
            const down = referenceLoss(copy, sizes, act, task, x, y, rows);
            expect(at(at(gradient, i), j)).toBeCloseTo((up - down) / (2 * h), 3);
          }
        });
      });
    }
  }

  it('predicts the same rows alike whatever the other rows of the pass', () => {
    const { engine } = setup('tanh', 'regression', 7);
    const all = new Float32Array(7);
    engine.forward(7, all, 0);
    const first = new Float32Array(1);
    engine.forward(1, first, 0);
    expect(first[0]).toBe(all[0]);
  });

  it('refuses more rows than it holds', () => {
    const { engine } = setup('relu', 'regression', 3);
    expect(() => engine.gradient(17, 17)).toThrow(/shard of 17 rows, this engine holds 1 to 16/);
  });
});
