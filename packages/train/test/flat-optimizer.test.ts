import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, it } from 'vitest';
import { initBackend } from '../src/backend';
import { flatAdam, flatSgd } from '../src/flat-optimizer';
import { expectAllClose } from './fixtures';

beforeAll(async () => {
  await initBackend('wasm');
});

const gradients = [
  [0.5, -1, 2, 0],
  [0.1, 0.2, -3, 1e-4],
  [-0.7, 0.3, 0.3, -2],
];

describe('flatAdam', () => {
  it('follows the same trajectory as tf.train.adam', () => {
    const ours = tf.variable(tf.tensor1d([1, 2, 3, 4]));
    const reference = tf.variable(tf.tensor1d([1, 2, 3, 4]));
    const adam = flatAdam(4, 0.05);
    const tfAdam = tf.train.adam(0.05);
    for (const g of gradients) {
      tf.tidy(() => adam.step(ours, tf.tensor1d(g)));
      tfAdam.applyGradients([{ name: reference.name, tensor: tf.tensor1d(g) }]);
    }
    const expected = reference.dataSync();
    expectAllClose(ours.dataSync(), expected, 5);
    adam.dispose();
    tfAdam.dispose();
    tf.dispose([ours, reference]);
  });
});

describe('flatSgd', () => {
  it('subtracts the learning rate times the gradient', () => {
    const params = tf.variable(tf.tensor1d([1, 2, 3, 4]));
    tf.tidy(() => flatSgd(0.1).step(params, tf.tensor1d([1, -1, 10, 0])));
    const values = params.dataSync();
    expectAllClose(values, [0.9, 2.1, 2, 4], 6);
    params.dispose();
  });
});
