import type * as tf from '@tensorflow/tfjs';
import type { MlpArchitecture, Task, TrainingSettings } from './specs';

/** The data and settings one training run works on (validated by `trainMlp`). */
export interface RunnerInput {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly nFeatures: number;
  readonly xVal?: Float32Array | undefined;
  readonly yVal?: Float32Array | undefined;
  readonly architecture: MlpArchitecture;
  readonly training: TrainingSettings;
  readonly task: Task;
  readonly rows: number;
  readonly valRows: number;
  /** Threads for the fused kernel (ignored by TF.js backends). */
  readonly threads?: number | undefined;
}

/** Summed losses of one epoch: over the training rows, and over the validation rows (or null). */
export interface EpochSums {
  readonly loss: number;
  readonly valLoss: number | null;
}

/**
 * What a backend does for `trainMlp`'s loop: one epoch over rows in a given order, a snapshot of
 * the best weights for early stopping, and writing the final weights into the layers model.
 */
export interface EpochRunner {
  epoch(order: Int32Array): Promise<EpochSums>;
  /** Remembers the current weights as the best so far. */
  keepBest(): void;
  /** Writes the best weights kept (else the current ones) into `model`. */
  writeTo(model: tf.LayersModel): void;
  /** Threads that computed the epochs, and why fewer than asked for ran (or null). */
  threads(): { readonly used: number; readonly fallback: string | null };
  dispose(): Promise<void>;
}
