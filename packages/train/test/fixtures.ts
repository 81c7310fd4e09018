import { expect } from 'vitest';
import { mulberry32 } from '../src/prng';
import type { MlpArchitecture, TrainingSettings } from '../src/specs';

/** `rows × nFeatures` uniform features in [-1, 1] and y = 0.5·x0 − 0.3·x1 + 0.2 (exactly learnable). */
export function linearData(rows: number, nFeatures: number, seed: number) {
  const random = mulberry32(seed);
  const x = new Float32Array(rows * nFeatures);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < nFeatures; j++) x[i * nFeatures + j] = random() * 2 - 1;
    y[i] = 0.5 * (x[i * nFeatures] as number) - 0.3 * (x[i * nFeatures + 1] as number) + 0.2;
  }
  return { x, y };
}

export const smallArchitecture: MlpArchitecture = {
  type: 'mlp',
  hiddenLayers: [16, 8],
  activation: 'relu',
};

export const quickTraining: TrainingSettings = {
  epochs: 5,
  batchSize: 32,
  learningRate: 0.01,
  optimizer: 'adam',
  earlyStopping: null,
};

/** Asserts equal lengths and element-wise closeness to `digits` decimal places. */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  digits: number,
): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    expect(actual[i]).toBeCloseTo(expected[i] as number, digits);
  }
}
