import * as tf from '@tensorflow/tfjs';
import { type BackendName, ensureBackend } from './backend';
import { EarlyStoppingTracker } from './early-stopping';
import { TrainingDivergedError, TrainingInputError } from './errors';
import { type FlatOptimizer, flatAdam, flatSgd } from './flat-optimizer';
import { packParams, paramLayout, unpackParams, writeParams } from './flat-params';
import { buildMlp } from './mlp';
import { batchLossSum, type DenseParams, lossAndGradient } from './mlp-gradients';
import { mulberry32, shuffledIndices } from './prng';
import type { MlpArchitecture, Task, TrainingSettings } from './specs';

export interface EpochReport {
  /** 1-based. */
  readonly epoch: number;
  readonly epochs: number;
  /** Mean training loss over the epoch's batches (weighted by batch size). */
  readonly loss: number;
  /** Mean validation loss after the epoch, or null without validation data. */
  readonly valLoss: number | null;
  /** Wall time of the epoch, validation included. */
  readonly ms: number;
}

export interface TrainInput {
  /** Row-major features, `rows × nFeatures`. */
  readonly x: Float32Array;
  /** Targets, one per row (0/1 for classification). */
  readonly y: Float32Array;
  readonly nFeatures: number;
  readonly xVal?: Float32Array;
  readonly yVal?: Float32Array;
  readonly architecture: MlpArchitecture;
  readonly training: TrainingSettings;
  readonly task: Task;
  /** Seeds weight initialisation and per-epoch shuffling. */
  readonly seed: number;
  readonly onEpoch?: (report: EpochReport) => void;
}

export interface TrainResult {
  readonly model: tf.LayersModel;
  readonly history: { readonly loss: number[]; readonly valLoss: number[] };
  readonly epochsRun: number;
  /** 1-based epoch whose weights the model holds: the best one with early stopping, else the last. */
  readonly bestEpoch: number;
  readonly stoppedEarly: boolean;
  readonly backend: BackendName;
  readonly durationMs: number;
}

/** Rows per forward pass when computing the validation loss. */
const VALIDATION_CHUNK = 8192;

/**
 * Trains the MLP of `buildMlp` with mini-batch Adam/SGD on the active TF.js backend
 * (`initBackend`, `auto` if none was chosen). Deterministic: the same input, seed and backend give
 * bit-identical weights. Each epoch shuffles the rows with a seeded PRNG; forward and backward
 * passes are hand-written TF.js ops on one flat parameter vector (see `lossAndGradient`), and the
 * loss is read back once per epoch. Early stopping (if configured) monitors the
 * validation loss — the training loss when there is no validation data — and restores the best
 * weights. Throws `TrainingDivergedError` when the loss stops being finite.
 */
export async function trainMlp(input: TrainInput): Promise<TrainResult> {
  const started = performance.now();
  const { name: backend } = await ensureBackend();
  const { rows, valRows } = validate(input);
  const { training, architecture, task } = input;
  const model = buildMlp(input.nFeatures, architecture, task, input.seed);
  const layout = paramLayout(model);
  const params = tf.tidy(() => tf.variable(packParams(model)));
  const optimizer: FlatOptimizer =
    training.optimizer === 'adam'
      ? flatAdam(params.size, training.learningRate)
      : flatSgd(training.learningRate);
  const validation = validationChunks(input, valRows);
  const tracker = training.earlyStopping ? new EarlyStoppingTracker(training.earlyStopping) : null;
  const random = mulberry32(input.seed);
  const order = new Int32Array(rows);
  const history = { loss: [] as number[], valLoss: [] as number[] };
  let best: tf.Tensor1D | null = null;
  let stoppedEarly = false;
  const trainOptions: StepOptions = { architecture, task, layout, optimizer, params };

  try {
    for (let epoch = 1; epoch <= training.epochs; epoch++) {
      const epochStart = performance.now();
      const lossSum = trainEpoch(
        input,
        shuffledIndices(order, random),
        training.batchSize,
        trainOptions,
      );
      const valSum = validation.length > 0 ? validationLossSum(validation, trainOptions) : null;
      const sums = await readScalars(lossSum, valSum);
      const loss = (sums[0] as number) / rows;
      const valLoss = valSum === null ? null : (sums[1] as number) / valRows;
      if (!Number.isFinite(loss)) throw new TrainingDivergedError(epoch, loss);
      if (valLoss !== null && !Number.isFinite(valLoss)) {
        throw new TrainingDivergedError(epoch, valLoss, 'validation loss');
      }
      history.loss.push(loss);
      if (valLoss !== null) history.valLoss.push(valLoss);
      input.onEpoch?.({
        epoch,
        epochs: training.epochs,
        loss,
        valLoss,
        ms: performance.now() - epochStart,
      });
      if (tracker) {
        const { improved, stop } = tracker.update(epoch, valLoss ?? loss);
        if (improved) {
          best?.dispose();
          best = tf.keep(tf.clone(params)) as tf.Tensor1D;
        }
        if (stop) {
          stoppedEarly = true;
          break;
        }
      }
    }
    writeParams(model, best ?? params, layout);
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    tf.dispose([params, ...validation.flat()]);
    best?.dispose();
    optimizer.dispose();
  }
  const epochsRun = history.loss.length;
  return {
    model,
    history,
    epochsRun,
    bestEpoch: tracker ? tracker.bestEpoch : epochsRun,
    stoppedEarly,
    backend,
    durationMs: performance.now() - started,
  };
}

interface StepOptions {
  readonly architecture: MlpArchitecture;
  readonly task: Task;
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
function trainEpoch(
  data: HostData,
  order: Int32Array,
  batchSize: number,
  options: StepOptions,
): tf.Scalar {
  const { architecture, task, layout, optimizer, params } = options;
  const { x, y, nFeatures } = data;
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

interface HostData {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly nFeatures: number;
}

function validationLossSum(chunks: readonly tf.Tensor2D[][], options: StepOptions): tf.Scalar {
  return tf.tidy(() => {
    const layers = denseParams(options.params, options.layout);
    const sums = chunks.map(([xv, yv]) =>
      batchLossSum(
        xv as tf.Tensor,
        yv as tf.Tensor,
        layers,
        options.architecture.activation,
        options.task,
      ),
    );
    return tf.addN(sums) as tf.Scalar;
  });
}

/** Reads one or two device scalars with a single transfer and disposes them. */
async function readScalars(a: tf.Scalar, b: tf.Scalar | null): Promise<Float32Array> {
  const both = b === null ? a : tf.stack([a, b]);
  try {
    return (await both.data()) as Float32Array;
  } finally {
    tf.dispose([a, b ?? a, both]);
  }
}

function validationChunks(input: TrainInput, valRows: number): tf.Tensor2D[][] {
  const { xVal, yVal, nFeatures } = input;
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

function validate(input: TrainInput): { rows: number; valRows: number } {
  const { x, y, nFeatures, xVal, yVal, training } = input;
  if (!Number.isInteger(nFeatures) || nFeatures < 1) {
    throw new TrainingInputError(`nFeatures must be a positive integer, got ${nFeatures}`);
  }
  if (x.length !== y.length * nFeatures || y.length === 0) {
    throw new TrainingInputError(
      `x has ${x.length} values, expected y.length (${y.length}) × nFeatures (${nFeatures}) > 0`,
    );
  }
  if ((xVal === undefined) !== (yVal === undefined)) {
    throw new TrainingInputError('xVal and yVal must be given together');
  }
  const valRows = yVal?.length ?? 0;
  if (xVal && xVal.length !== valRows * nFeatures) {
    throw new TrainingInputError(
      `xVal has ${xVal.length} values, expected yVal.length (${valRows}) × nFeatures (${nFeatures})`,
    );
  }
  if (!Number.isInteger(training.epochs) || training.epochs < 1) {
    throw new TrainingInputError(
      `training.epochs must be a positive integer, got ${training.epochs}`,
    );
  }
  if (!Number.isInteger(training.batchSize) || training.batchSize < 1) {
    throw new TrainingInputError(
      `training.batchSize must be a positive integer, got ${training.batchSize}`,
    );
  }
  return { rows: y.length, valRows };
}
