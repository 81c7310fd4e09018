/** The architecture and training settings of `model.yaml` (defined once, in `@repo/config`). */
export type {
  ArchitectureSpec as MlpArchitecture,
  EarlyStoppingSpec as EarlyStopping,
  TrainingSpec as TrainingSettings,
} from '@repo/config';

/** `regression`: one linear output, mean squared error. `classification`: one sigmoid output, binary cross-entropy. */
export type Task = 'regression' | 'classification';
