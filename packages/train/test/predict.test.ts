import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../src/backend';
import { TrainingInputError } from '../src/errors';
import { buildMlp } from '../src/mlp';
import { predict } from '../src/predict';
import { expectAllClose, linearData, smallArchitecture } from './fixtures';

let model: tf.LayersModel;
const { x } = linearData(100, 4, 1);

beforeAll(async () => {
  await initBackend('wasm');
  model = buildMlp(4, smallArchitecture, 'regression', 3);
});

afterAll(() => model.dispose());

describe('predict', () => {
  it('returns one value per row, equal to model.predict, across batch boundaries', () => {
    const expected = tf.tidy(() =>
      (model.predict(tf.tensor2d(x, [100, 4])) as tf.Tensor).dataSync(),
    );
    const actual = predict(model, x, 4, 32);
    expect(actual).toHaveLength(100);
    expectAllClose(actual, expected, 6);
  });

  it('does not leak tensors', () => {
    predict(model, x, 4);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) predict(model, x, 4, 7);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects input that is not a whole number of rows', () => {
    expect(() => predict(model, x.subarray(1), 4)).toThrow(TrainingInputError);
  });
});
