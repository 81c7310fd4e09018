import type * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../src/backend';
import { buildMlp } from '../src/mlp';

beforeAll(async () => {
  await initBackend('wasm');
});

const architecture = { type: 'mlp', hiddenLayers: [6, 3], activation: 'tanh' } as const;

function weightValues(model: tf.LayersModel): number[][] {
  return model.getWeights().map((w) => [...w.dataSync()]);
}

describe('buildMlp', () => {
  it('builds nFeatures → hidden layers → 1 with fixed layer names', () => {
    const model = buildMlp(4, architecture, 'regression', 1);
    expect(model.getWeights().map((w) => w.shape)).toEqual([[4, 6], [6], [6, 3], [3], [3, 1], [1]]);
    expect(model.layers.map((l) => l.name)).toEqual(['dense_1', 'dense_2', 'dense_3']);
    expect(model.layers.map((l) => l.getConfig().activation)).toEqual(['tanh', 'tanh', 'linear']);
    model.dispose();
  });

  it('ends in a sigmoid for classification', () => {
    const model = buildMlp(2, architecture, 'classification', 1);
    expect(model.layers.at(-1)?.getConfig().activation).toBe('sigmoid');
    model.dispose();
  });

  it('initialises identically for the same seed and differently for another', () => {
    const a = buildMlp(4, architecture, 'regression', 9);
    const b = buildMlp(4, architecture, 'regression', 9);
    const c = buildMlp(4, architecture, 'regression', 10);
    expect(weightValues(a)).toEqual(weightValues(b));
    expect(weightValues(a)[0]).not.toEqual(weightValues(c)[0]);
    // Each layer has its own seed: the two 6-unit kernels do not start from the same stream.
    expect(weightValues(a)[0]?.slice(0, 3)).not.toEqual(weightValues(a)[2]?.slice(0, 3));
    for (const model of [a, b, c]) model.dispose();
  });

  it('rejects a non-positive feature count', () => {
    expect(() => buildMlp(0, architecture, 'regression', 1)).toThrow(RangeError);
  });
});
