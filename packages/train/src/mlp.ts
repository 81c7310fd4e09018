import * as tf from '@tensorflow/tfjs';
import { deriveSeed } from './prng';
import type { MlpArchitecture, Task } from './specs';

/** Name of the i-th dense layer (0-based) in models built by `buildMlp`; the last is the output. */
export function denseLayerName(index: number): string {
  return `dense_${index + 1}`;
}

/**
 * Builds the MLP `nFeatures → hiddenLayers… → 1` as a TF.js layers model. Kernels are Glorot-uniform
 * with a per-layer seed derived from `seed`, biases zero, so the same arguments give bit-identical
 * initial weights. Layer and model names are fixed (not TF.js' global counters) so that saved
 * `model.json` files do not depend on how many models the process built before.
 */
export function buildMlp(
  nFeatures: number,
  architecture: MlpArchitecture,
  task: Task,
  seed: number,
): tf.Sequential {
  if (!Number.isInteger(nFeatures) || nFeatures < 1) {
    throw new RangeError(`nFeatures must be a positive integer, got ${nFeatures}`);
  }
  for (const units of architecture.hiddenLayers) {
    if (!Number.isInteger(units) || units < 1) {
      throw new RangeError(`hiddenLayers must hold positive integers, got ${units}`);
    }
  }
  const units = [...architecture.hiddenLayers, 1];
  const model = tf.sequential({ name: 'mlp' });
  units.forEach((layerUnits, i) => {
    const isOutput = i === units.length - 1;
    model.add(
      tf.layers.dense({
        name: denseLayerName(i),
        units: layerUnits,
        activation: isOutput
          ? task === 'classification'
            ? 'sigmoid'
            : 'linear'
          : architecture.activation,
        kernelInitializer: tf.initializers.glorotUniform({ seed: deriveSeed(seed, i) }),
        biasInitializer: 'zeros',
        ...(i === 0 ? { inputShape: [nFeatures] } : {}),
      }),
    );
  });
  return model;
}
