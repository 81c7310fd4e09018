import type * as tf from '@tensorflow/tfjs';
import { type BackendName, ensureBackend } from './backend';
import { EarlyStoppingTracker } from './early-stopping';
import type { EpochRunner, RunnerInput } from './epoch-runner';
import { TrainingDivergedError, TrainingInputError } from './errors';
import { fusedRunner } from './fused-runner';
import { buildMlp } from './mlp';
import { mulberry32, shuffledIndices } from './prng';
import type { MlpArchitecture, Task, TrainingSettings } from './specs';
import { tfjsRunner } from './tfjs-runner';

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
  /**
   * Threads for the fused backend (the main one included; default: `MLOPS_TRAIN_THREADS`, else
   * every core, at most 4). The weights do not depend on it.
   */
  readonly threads?: number;
}

export interface TrainResult {
  readonly model: tf.LayersModel;
  readonly history: { readonly loss: number[]; readonly valLoss: number[] };
  readonly epochsRun: number;
  /** 1-based epoch whose weights the model holds: the best one with early stopping, else the last. */
  readonly bestEpoch: number;
  readonly stoppedEarly: boolean;
  readonly backend: BackendName;
  /** Threads that trained (1 on the TF.js backends); the weights do not depend on it. */
  readonly threads: number;
  /** Why fewer threads than asked for ran (worker threads could not start), or null. */
  readonly threadFallback: string | null;
  readonly durationMs: number;
}

/**
 * Trains the MLP of `buildMlp` with mini-batch Adam/SGD on the active TF.js backend
 * (`initBackend`, `auto` if none was chosen). Deterministic: the same input, seed and backend give
 * bit-identical weights. Each epoch shuffles the rows with a seeded PRNG; forward and backward
 * passes are hand-written TF.js ops on one flat parameter vector (see `lossAndGradient`), and the
 * loss is read back once per epoch. Early stopping (if configured) monitors the
 * validation loss — the training loss when there is no validation data — and restores the best
 * weights. Throws `TrainingDivergedError` when the loss stops being finite.
 */
/**
 * Trains the MLP of `buildMlp` with mini-batch Adam/SGD on the active backend (`initBackend`,
 * `auto` if none was chosen): the fused kernel (`fusedRunner`), else TF.js ops (`tfjsRunner`).
 * Deterministic: the same input, seed and backend give bit-identical weights, whatever the number
 * of threads. Each epoch shuffles the rows with a seeded PRNG; the losses are read once per epoch.
 * Early stopping (if configured) monitors the validation loss — the training loss when there is
 * no validation data — and restores the best weights. Throws `TrainingDivergedError` when the loss
 * stops being finite.
 */
export async function trainMlp(input: TrainInput): Promise<TrainResult> {
  const started = performance.now();
  const { name: backend } = await ensureBackend();
  const { rows, valRows } = validate(input);
  const { training } = input;
  const model = buildMlp(input.nFeatures, input.architecture, input.task, input.seed);
  const runnerInput: RunnerInput = { ...input, rows, valRows, threads: threadsFor(input) };
  let runner: EpochRunner | undefined;
  const tracker = training.earlyStopping ? new EarlyStoppingTracker(training.earlyStopping) : null;
  const random = mulberry32(input.seed);
  const order = new Int32Array(rows);
  const history = { loss: [] as number[], valLoss: [] as number[] };
  let stoppedEarly = false;
  let threads = { used: 1, fallback: null as string | null };
  try {
    runner = backend === 'fused' ? fusedRunner(runnerInput, model) : tfjsRunner(runnerInput, model);
    for (let epoch = 1; epoch <= training.epochs; epoch++) {
      const epochStart = performance.now();
      const sums = await runner.epoch(shuffledIndices(order, random));
      const loss = sums.loss / rows;
      const valLoss = sums.valLoss === null ? null : sums.valLoss / valRows;
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
        if (improved) runner.keepBest();
        if (stop) {
          stoppedEarly = true;
          break;
        }
      }
    }
    runner.writeTo(model);
    threads = runner.threads();
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    await runner?.dispose();
  }
  const epochsRun = history.loss.length;
  return {
    model,
    history,
    epochsRun,
    bestEpoch: tracker ? tracker.bestEpoch : epochsRun,
    stoppedEarly,
    backend,
    threads: threads.used,
    threadFallback: threads.fallback,
    durationMs: performance.now() - started,
  };
}

/** `input.threads`, else `MLOPS_TRAIN_THREADS` (validated), else undefined (every core). */
function threadsFor(input: TrainInput): number | undefined {
  const raw = input.threads ?? process.env.MLOPS_TRAIN_THREADS?.trim();
  if (raw === undefined || raw === '') return undefined;
  const threads = Number(raw);
  if (!Number.isInteger(threads) || threads < 1) {
    throw new TrainingInputError(
      `${input.threads === undefined ? 'MLOPS_TRAIN_THREADS' : 'threads'} must be a positive integer, got ${raw}`,
    );
  }
  return threads;
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
