import {
  createShardEngine,
  instantiateKernel,
  type KernelActivation,
  networkLayout,
  packWeights,
  pad4,
  type ShardEngine,
} from '@repo/mlp-kernel';
import type * as tf from '@tensorflow/tfjs';

/** Rows per kernel forward pass. */
const CHUNK = 1024;

/** A layers model's network on the fused kernel. */
export interface KernelNetwork {
  /** Writes the output of each of the `rows` rows of `x` into `out`. */
  predict(x: Float32Array, rows: number, out: Float32Array): void;
}

const networks = new WeakMap<tf.LayersModel, KernelNetwork | null>();

/**
 * The model's network on the kernel, or null when the model is not a stack of dense layers with
 * `nFeatures` inputs, one output, one hidden activation the kernel has (relu, tanh, elu) and a
 * linear or sigmoid output — then the caller runs it on TF.js. Built once per model object.
 */
export function kernelNetwork(model: tf.LayersModel, nFeatures: number): KernelNetwork | null {
  if (!networks.has(model)) networks.set(model, build(model, nFeatures));
  return networks.get(model) ?? null;
}

interface DenseConfig {
  readonly units?: number;
  readonly activation?: string;
  readonly useBias?: boolean;
}

function build(model: tf.LayersModel, nFeatures: number): KernelNetwork | null {
  const configs = model.layers.map((layer) =>
    layer.getClassName() === 'Dense' ? (layer.getConfig() as DenseConfig) : null,
  );
  if (configs.length === 0 || configs.some((c) => c === null || c.useBias === false)) return null;
  const dense = configs as DenseConfig[];
  const hidden = dense.slice(0, -1).map((c) => c.activation);
  const output = dense.at(-1)?.activation;
  const activation = hidden[0] ?? 'relu';
  if (!['relu', 'tanh', 'elu'].includes(activation) || hidden.some((a) => a !== activation)) {
    return null;
  }
  if (output !== 'linear' && output !== 'sigmoid') return null;
  const sizes = [nFeatures, ...dense.map((c) => c.units ?? 0)];
  if (sizes.at(-1) !== 1) return null;
  const weights = model.getWeights().map((w) => w.dataSync() as Float32Array);
  let layout: ReturnType<typeof networkLayout>;
  try {
    layout = networkLayout(
      sizes,
      activation as KernelActivation,
      output === 'sigmoid' ? 'classification' : 'regression',
    );
    const engine = createShardEngine(instantiateKernel(), layout, CHUNK);
    engine.params.set(packWeights(layout, weights));
    return forwardOn(engine, nFeatures, output === 'sigmoid');
  } catch {
    return null;
  }
}

function forwardOn(engine: ShardEngine, nFeatures: number, sigmoid: boolean): KernelNetwork {
  const stride = pad4(nFeatures);
  return {
    predict(x, rows, out) {
      for (let start = 0; start < rows; start += CHUNK) {
        const count = Math.min(CHUNK, rows - start);
        // Padding columns stay zero (nothing writes them); rows past `count` are never read back.
        for (let r = 0; r < count; r++) {
          const from = (start + r) * nFeatures;
          engine.x.set(x.subarray(from, from + nFeatures), r * stride);
        }
        engine.forward(count, out, start);
      }
      if (sigmoid) {
        for (let i = 0; i < rows; i++) out[i] = 1 / (1 + Math.exp(-(out[i] as number)));
      }
    },
  };
}
