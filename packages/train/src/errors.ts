/** A saved model directory is missing a file, or a file does not parse as the TF.js layers format. */
export class ModelFormatError extends Error {
  override readonly name = 'ModelFormatError';
  readonly exitCode = 4;
  /** The file at fault (absolute or as given by the caller). */
  readonly file: string;

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(`${file}: ${message}`, options);
    this.file = file;
  }
}

/** A backend that was requested explicitly (argument or `MLOPS_BACKEND`) cannot be loaded. */
export class BackendUnavailableError extends Error {
  override readonly name = 'BackendUnavailableError';
  readonly exitCode = 3;
  readonly backend: string;

  constructor(backend: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.backend = backend;
  }
}

/** The training loss became NaN or infinite. */
export class TrainingDivergedError extends Error {
  override readonly name = 'TrainingDivergedError';
  readonly exitCode = 3;
  /** 1-based epoch in which the loss stopped being finite. */
  readonly epoch: number;

  constructor(epoch: number, value: number, quantity: 'loss' | 'validation loss' = 'loss') {
    super(`training diverged in epoch ${epoch}: ${quantity} is ${value}`);
    this.epoch = epoch;
  }
}

/** The arrays passed to `trainMlp` or `predict` do not have the shapes the call describes. */
export class TrainingInputError extends Error {
  override readonly name = 'TrainingInputError';
  readonly exitCode = 70;
}
