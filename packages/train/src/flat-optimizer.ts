import * as tf from '@tensorflow/tfjs';

/** An optimizer over one flat parameter vector. */
export interface FlatOptimizer {
  /** Applies one update to `params` given the gradient of the loss. Call inside `tf.tidy`. */
  step(params: tf.Variable, gradient: tf.Tensor1D): void;
  dispose(): void;
}

/** Adam's constants: the TF.js/Keras defaults, for every backend. */
export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;

/**
 * Adam (Kingma & Ba) with the `ADAM` constants and the same update as `tf.train.adam`:
 * θ ← θ − lr · m̂ / (√v̂ + ε), m̂ = m / (1 − β1ᵗ), v̂ = v / (1 − β2ᵗ).
 */
export function flatAdam(size: number, learningRate: number): FlatOptimizer {
  const { beta1, beta2, epsilon } = ADAM;
  const m = tf.tidy(() => tf.variable(tf.zeros([size]), false));
  const v = tf.tidy(() => tf.variable(tf.zeros([size]), false));
  let t = 0;
  return {
    step(params, gradient) {
      t += 1;
      const mNext = tf.add(tf.mul(m, beta1), tf.mul(gradient, 1 - beta1));
      const vNext = tf.add(tf.mul(v, beta2), tf.mul(tf.square(gradient), 1 - beta2));
      const mHat = tf.mul(mNext, learningRate / (1 - beta1 ** t));
      const vHat = tf.mul(vNext, 1 / (1 - beta2 ** t));
      params.assign(tf.sub(params, tf.div(mHat, tf.add(tf.sqrt(vHat), epsilon))));
      m.assign(mNext);
      v.assign(vNext);
    },
    dispose() {
      m.dispose();
      v.dispose();
    },
  };
}

/** Plain stochastic gradient descent: θ ← θ − lr · g. */
export function flatSgd(learningRate: number): FlatOptimizer {
  return {
    step(params, gradient) {
      params.assign(tf.sub(params, tf.mul(gradient, learningRate)));
    },
    dispose() {},
  };
}
