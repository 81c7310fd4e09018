import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../src/backend';
import { batchLossSum, type DenseParams, lossAndGradient } from '../src/mlp-gradients';
import { mulberry32 } from '../src/prng';
import { expectAllClose } from './fixtures';

const ACTIVATIONS = { relu: tf.relu, tanh: tf.tanh, elu: tf.elu };

function randomTensor(shape: number[], seed: number, scale = 1): tf.Tensor {
  const random = mulberry32(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: size }, () => (random() * 2 - 1) * scale),
    shape,
  );
}

/** The same network and loss written with plain TF.js ops, differentiated by TF.js' autodiff. */
function referenceLoss(
  x: tf.Tensor,
  y: tf.Tensor,
  task: 'regression' | 'classification',
  activation: 'relu' | 'tanh' | 'elu',
) {
  return (...weights: tf.Tensor[]) => {
    let a = x;
    for (let i = 0; i < weights.length; i += 2) {
      const z = tf.add(tf.matMul(a, weights[i] as tf.Tensor), weights[i + 1] as tf.Tensor);
      a = i + 2 < weights.length ? ACTIVATIONS[activation](z) : z;
    }
    return task === 'regression'
      ? tf.losses.meanSquaredError(y, a)
      : tf.losses.sigmoidCrossEntropy(y, a);
  };
}

describe('lossAndGradient', () => {
  const cases = (['wasm', 'cpu'] as const).flatMap((backend) =>
    (['regression', 'classification'] as const).flatMap((task) =>
      (['relu', 'tanh', 'elu'] as const).map((activation) => ({ backend, task, activation })),
    ),
  );
  for (const { backend, task, activation } of cases) {
    it(`matches TF.js autodiff for ${task} with ${activation} hidden layers on ${backend}`, async () => {
      await initBackend(backend);
      tf.tidy(() => {
        const rows = 13;
        const x = randomTensor([rows, 5], 1);
        const y =
          task === 'regression' ? randomTensor([rows, 1], 2) : tf.step(randomTensor([rows, 1], 2));
        const weights = [
          randomTensor([5, 7], 3, 0.8),
          randomTensor([7], 4, 0.3),
          randomTensor([7, 4], 5, 0.8),
          randomTensor([4], 6, 0.3),
          randomTensor([4, 1], 7, 0.8),
          randomTensor([1], 8, 0.3),
        ];
        const layers: DenseParams[] = [0, 2, 4].map((i) => ({
          kernel: weights[i] as tf.Tensor,
          bias: weights[i + 1] as tf.Tensor,
        }));
        const { lossSum, gradient } = lossAndGradient(x, y, layers, activation, task);
        const expected = tf.grads(referenceLoss(x, y, task, activation))(weights);
        const expectedFlat = tf.concat(expected.map((g) => tf.reshape(g, [-1]))).dataSync();
        const actual = gradient.dataSync();
        expectAllClose(actual, expectedFlat, 5);
        const expectedLoss = referenceLoss(
          x,
          y,
          task,
          activation,
        )(...weights).dataSync()[0] as number;
        expect((lossSum.dataSync()[0] as number) / rows).toBeCloseTo(expectedLoss, 5);
        const validationSum = batchLossSum(x, y, layers, activation, task).dataSync()[0] as number;
        expect(validationSum / rows).toBeCloseTo(expectedLoss, 5);
      });
    });
  }
});
