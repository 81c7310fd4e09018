/**
 * The parts of `@repo/config`'s `ArchitectureSpec` and `TrainingSpec` this package reads.
 * Declared structurally so that a full `ModelConfig['model']` / `['training']` is assignable.
 */
export interface MlpArchitecture {
  readonly type: 'mlp';
  /** Units of each hidden dense layer, in order. */
  readonly hiddenLayers: readonly number[];
  readonly activation: 'relu' | 'tanh' | 'elu';
}

export interface EarlyStopping {
  /** Epochs without an improvement of at least `minDelta` in validation loss before stopping. */
  readonly patience: number;
  readonly minDelta: number;
}

export interface TrainingSettings {
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly optimizer: 'adam' | 'sgd';
  readonly earlyStopping: EarlyStopping | null;
}

/** `regression`: one linear output, mean squared error. `classification`: one sigmoid output, binary cross-entropy. */
export type Task = 'regression' | 'classification';
