import {
  createShardEngine,
  DataParallelTrainer,
  instantiateKernel,
  type NetworkLayout,
  networkLayout,
  packWeights,
  padRows,
  unpackWeights,
} from '@repo/mlp-kernel';
import * as tf from '@tensorflow/tfjs';
import type { EpochRunner, RunnerInput } from './epoch-runner';
import { ADAM } from './flat-optimizer';

/** Rows per forward pass of the validation loss. */
const VALIDATION_CHUNK = 1024;

/** The kernel's layout of an MLP built by `buildMlp` for this input. */
export function layoutFor(input: Pick<RunnerInput, 'nFeatures' | 'architecture' | 'task'>) {
  const sizes = [input.nFeatures, ...input.architecture.hiddenLayers, 1];
  return networkLayout(sizes, input.architecture.activation, input.task);
}

/**
 * Training on the fused kernel: the model's initial weights go into the kernel's padded parameter
 * vector, each batch is one data-parallel gradient (`DataParallelTrainer`, fixed shards) and one
 * Adam or SGD step, the validation loss is a forward pass in chunks; the losses are summed in
 * double precision in a fixed order.
 */
export function fusedRunner(input: RunnerInput, model: tf.LayersModel): EpochRunner {
  const layout = layoutFor(input);
  const trainer = new DataParallelTrainer({
    layout,
    x: input.x,
    y: input.y,
    rows: input.rows,
    maxBatch: input.training.batchSize,
    threads: input.threads,
  });
  const weights = model.getWeights().map((w) => w.dataSync() as Float32Array);
  trainer.engine.params.set(packWeights(layout, weights));
  const validate = validationPass(input, layout);
  const { batchSize, optimizer, learningRate } = input.training;
  let step = 0;
  let best: Float32Array | null = null;
  return {
    async epoch(order) {
      await trainer.ready();
      trainer.order.set(order);
      let loss = 0;
      for (let start = 0; start < order.length; start += batchSize) {
        loss += trainer.step(start, Math.min(batchSize, order.length - start));
        step += 1;
        if (optimizer === 'adam') {
          trainer.engine.adam(step, learningRate, ADAM.beta1, ADAM.beta2, ADAM.epsilon);
        } else {
          trainer.engine.sgd(learningRate);
        }
      }
      return { loss, valLoss: validate ? validate(trainer.engine.params) : null };
    },
    keepBest() {
      best = trainer.engine.params.slice();
    },
    writeTo(target) {
      const shapes = target.getWeights().map((w) => w.shape);
      const values = unpackWeights(layout, best ?? trainer.engine.params);
      tf.tidy(() => target.setWeights(values.map((v, i) => tf.tensor(v, shapes[i]))));
    },
    threads: () => ({ used: trainer.threads, fallback: trainer.fallback }),
    dispose() {
      return trainer.close();
    },
  };
}

/** The summed validation loss for given parameters, or null without validation rows. */
function validationPass(input: RunnerInput, layout: NetworkLayout) {
  const { xVal, yVal, valRows, nFeatures } = input;
  if (!xVal || !yVal || valRows === 0) return null;
  const engine = createShardEngine(instantiateKernel(), layout, VALIDATION_CHUNK);
  const x = padRows(xVal, valRows, nFeatures);
  const identity = Int32Array.from({ length: valRows }, (_, i) => i);
  return (params: Float32Array): number => {
    engine.params.set(params);
    let sum = 0;
    for (let start = 0; start < valRows; start += VALIDATION_CHUNK) {
      const rows = Math.min(VALIDATION_CHUNK, valRows - start);
      engine.gather(x, yVal, identity, start, rows);
      sum += engine.loss(rows);
    }
    return sum;
  };
}
