import * as tf from '@tensorflow/tfjs';
import type { MlpArchitecture, Task } from './specs';

/** The weights of one dense layer: kernel `[in, out]`, bias `[out]`. */
export interface DenseParams {
  readonly kernel: tf.Tensor;
  readonly bias: tf.Tensor;
}

type Activation = MlpArchitecture['activation'];

/**
 * Output of the last layer before its activation (the regression prediction, or the logit for
 * classification), plus the input of every layer for backpropagation.
 */
function forward(x: tf.Tensor, layers: readonly DenseParams[], activation: Activation) {
  const inputs: tf.Tensor[] = [];
  let a = x;
  layers.forEach((layer, i) => {
    inputs.push(a);
    const isOutput = i === layers.length - 1;
    const fused = !isOutput && activation !== 'tanh' ? activation : 'linear';
    const z = tf.fused.matMul({ a, b: layer.kernel, bias: layer.bias, activation: fused });
    a = !isOutput && activation === 'tanh' ? tf.tanh(z) : z;
  });
  return { output: a, inputs };
}

/** d activation / d pre-activation, written in terms of the activation's output `h`. */
function activationDerivative(h: tf.Tensor, activation: Activation): tf.Tensor {
  switch (activation) {
    case 'relu':
      return tf.step(h);
    case 'tanh':
      return tf.sub(1, tf.square(h));
    case 'elu':
      // elu(z) = z for z > 0 (slope 1), exp(z) - 1 otherwise (slope exp(z) = h + 1).
      return tf.add(tf.minimum(h, 0), 1);
  }
}

// wasm's matMul with transposeA/transposeB runs a generic loop several times slower than an
// explicit transpose followed by its XNNPACK matMul; other backends handle the flags natively.

/** aᵀ·b. */
function transposeA(a: tf.Tensor, b: tf.Tensor, explicit: boolean): tf.Tensor {
  return explicit ? tf.matMul(tf.transpose(a), b) : tf.matMul(a, b, true, false);
}

/** a·bᵀ. */
function transposeB(a: tf.Tensor, b: tf.Tensor, explicit: boolean): tf.Tensor {
  return explicit ? tf.matMul(a, tf.transpose(b)) : tf.matMul(a, b, false, true);
}

/**
 * Summed loss over the rows and d loss / d output-pre-activation for the batch mean.
 * Regression: squared error. Classification: binary cross-entropy on the logit, computed stably
 * as max(z, 0) − z·y + log(1 + exp(−|z|)); its gradient through the sigmoid is p − y.
 */
function lossAndOutputGradient(output: tf.Tensor, y: tf.Tensor, task: Task, rows: number) {
  if (task === 'regression') {
    const diff = tf.sub(output, y);
    return { lossSum: tf.sum(tf.square(diff)), dOutput: tf.mul(diff, 2 / rows) };
  }
  const perRow = tf.add(
    tf.sub(tf.relu(output), tf.mul(output, y)),
    tf.log1p(tf.exp(tf.neg(tf.abs(output)))),
  );
  return { lossSum: tf.sum(perRow), dOutput: tf.mul(tf.sub(tf.sigmoid(output), y), 1 / rows) };
}

/** Summed loss of a batch (no gradients), for validation. */
export function batchLossSum(
  x: tf.Tensor,
  y: tf.Tensor,
  layers: readonly DenseParams[],
  activation: Activation,
  task: Task,
): tf.Scalar {
  const { output } = forward(x, layers, activation);
  return lossAndOutputGradient(output, y, task, x.shape[0] ?? 1).lossSum as tf.Scalar;
}

/**
 * Hand-written backpropagation through the MLP: returns the summed loss of the batch and the
 * gradient of the batch-mean loss w.r.t. all weights, flattened in `[kernel, bias]` layer order
 * (the layout of `paramLayout`). Cheaper than TF.js' gradient tape: no tape bookkeeping and the
 * bias and activation are fused into the forward matrix products. Call inside `tf.tidy`.
 */
export function lossAndGradient(
  x: tf.Tensor,
  y: tf.Tensor,
  layers: readonly DenseParams[],
  activation: Activation,
  task: Task,
): { lossSum: tf.Scalar; gradient: tf.Tensor1D } {
  const rows = x.shape[0] ?? 1;
  const { output, inputs } = forward(x, layers, activation);
  const { lossSum, dOutput } = lossAndOutputGradient(output, y, task, rows);
  const pieces: tf.Tensor[] = [];
  const explicit = tf.getBackend() === 'wasm';
  // Bias gradients as ones·dz (measured ~5% cheaper per step on wasm than tf.sum over axis 0).
  const ones = tf.ones([1, rows]);
  let dz = dOutput;
  for (let i = layers.length - 1; i >= 0; i--) {
    const input = inputs[i] as tf.Tensor;
    const layer = layers[i] as DenseParams;
    pieces.push(
      tf.reshape(tf.matMul(ones, dz), [-1]),
      tf.reshape(transposeA(input, dz, explicit), [-1]),
    );
    if (i > 0) {
      dz = tf.mul(transposeB(dz, layer.kernel, explicit), activationDerivative(input, activation));
    }
  }
  pieces.reverse();
  return { lossSum: lossSum as tf.Scalar, gradient: tf.concat(pieces) as tf.Tensor1D };
}
