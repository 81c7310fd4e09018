import * as tf from '@tensorflow/tfjs';
import type { EpochRunner, EpochSums, RunnerInput } from './epoch-runner';
import { type FlatOptimizer, flatAdam, flatSgd } from './flat-optimizer';
import { packParams, paramLayout, unpackParams, writeParams } from './flat-params';
import { batchLossSum, type DenseParams, lossAndGradient } from './mlp-gradients';

/** Rows per forward pass when computing the validation loss. */
const VALIDATION_CHUNK = 8192;

/**
 * Training with TF.js ops on the active TF.js backend (tensorflow, wasm or cpu): forward and
 * backward passes are hand-written ops on one flat parameter vector (`lossAndGradient`), batches
 * are assembled on the host, and the losses are read back once per epoch.
 */
export function tfjsRunner(input: RunnerInput, model: tf.LayersModel): EpochRunner {
  const layout = paramLayout(model);
  const params = tf.tidy(() => tf.variable(packParams(model)));
  const optimizer: FlatOptimizer =
    input.training.optimizer === 'adam'
      ? flatAdam(params.size, input.training.learningRate)
      : flatSgd(input.training.learningRate);
  const validation = validationChunks(input);
  const options: StepOptions = { input, layout, optimizer, params };
  let best: tf.Tensor1D | null = null;
  return {
    async epoch(order) {
      const lossSum = trainEpoch(order, options);
      const valSum = validation.length > 0 ? validationLossSum(validation, options) : null;
      return readSums(lossSum, valSum);
    },
    keepBest() {
      best?.dispose();
      best = tf.keep(tf.clone(params)) as tf.Tensor1D;
    },
    writeTo(target) {
      writeParams(target, best ?? params, layout);
    },
    threads: () => ({ used: 1, fallback: null }),
    async dispose() {
      tf.dispose([params, ...validation.flat()]);
      best?.dispose();
      optimizer.dispose();
    },
  };
}

interface StepOptions {
  readonly input: RunnerInput;
  readonly layout: ReturnType<typeof paramLayout>;
  readonly optimizer: FlatOptimizer;
  readonly params: tf.Variable;
}

function denseParams(params: tf.Variable, layout: StepOptions['layout']): DenseParams[] {
  const weights = unpackParams(params as tf.Tensor1D, layout);
  const layers: DenseParams[] = [];
  for (let i = 0; i + 1 < weights.length; i += 2) {
    layers.push({ kernel: weights[i] as tf.Tensor, bias: weights[i + 1] as tf.Tensor });
  }
  return layers;
}

/**
 * One pass over the shuffled rows; returns the summed training loss (a scalar on the device).
 * Batches are assembled on the host and uploaded (a few KiB each): on wasm this is several times
 * cheaper than `tf.gather` on the device, and `tf.slice` of a pre-shuffled copy is worse still
 * (its Slice kernel copies the whole source tensor out of the heap on every call).
 */
function trainEpoch(order: Int32Array, options: StepOptions): tf.Scalar {
  const { input, layout, optimizer, params } = options;
  const { x, y, nFeatures, architecture, task } = input;
  const batchSize = input.training.batchSize;
  const xBatch = new Float32Array(batchSize * nFeatures);
  const yBatch = new Float32Array(batchSize);
  let total: tf.Scalar = tf.scalar(0);
  for (let start = 0; start < order.length; start += batchSize) {
    const size = Math.min(batchSize, order.length - start);
    for (let r = 0; r < size; r++) {
      const row = order[start + r] as number;
      for (let j = 0; j < nFeatures; j++) {
        xBatch[r * nFeatures + j] = x[row * nFeatures + j] as number;
      }
      yBatch[r] = y[row] as number;
    }
    const next = tf.tidy(() => {
      const xb = tf.tensor2d(xBatch.subarray(0, size * nFeatures), [size, nFeatures]);
      const yb = tf.tensor2d(yBatch.subarray(0, size), [size, 1]);
      const layers = denseParams(params, layout);
      const { lossSum, gradient } = lossAndGradient(xb, yb, layers, architecture.activation, task);
      optimizer.step(params, gradient);
      return tf.add(total, lossSum) as tf.Scalar;
    });
    total.dispose();
    total = next;
  }
  return total;
}

function validationLossSum(chunks: readonly tf.Tensor2D[][], options: StepOptions): tf.Scalar {
  const { architecture, task } = options.input;
  return tf.tidy(() => {
    const layers = denseParams(options.params, options.layout);
    const sums = chunks.map(([xv, yv]) =>
      batchLossSum(xv as tf.Tensor, yv as tf.Tensor, layers, architecture.activation, task),
    );
    return tf.addN(sums) as tf.Scalar;
  });
}

/** Reads one or two device scalars with a single transfer and disposes them. */
async function readSums(a: tf.Scalar, b: tf.Scalar | null): Promise<EpochSums> {
  const both = b === null ? a : tf.stack([a, b]);
  try {
    const values = (await both.data()) as Float32Array;
    return { loss: values[0] as number, valLoss: b === null ? null : (values[1] as number) };
  } finally {
    tf.dispose([a, b ?? a, both]);
  }
}

function validationChunks(input: RunnerInput): tf.Tensor2D[][] {
  const { xVal, yVal, nFeatures, valRows } = input;
  if (!xVal || !yVal || valRows === 0) return [];
  const chunks: tf.Tensor2D[][] = [];
  for (let start = 0; start < valRows; start += VALIDATION_CHUNK) {
    const end = Math.min(valRows, start + VALIDATION_CHUNK);
    chunks.push([
      tf.tensor2d(xVal.subarray(start * nFeatures, end * nFeatures), [end - start, nFeatures]),
      tf.tensor2d(yVal.subarray(start, end), [end - start, 1]),
    ]);
  }
  return chunks;
}
