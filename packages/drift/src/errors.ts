/**
 * Errors thrown by `@repo/drift`. Every one is an input problem (exit code 3, like the CLI's
 * `invalidInput`): the statistics are pure, so a failure always means the caller passed something
 * unusable. `column` names the column when the failing call knew it (`columnDrift`,
 * `datasetDrift`); the bare statistics name the argument instead.
 */

/** Exit code of every drift error: invalid input (see `ExitCode.invalidInput` in `@repo/cli`). */
export const DRIFT_INPUT_EXIT_CODE = 3;

/** A sample has no values (after dropping missing ones, for the column-level functions). */
export class EmptySampleError extends Error {
  override readonly name = 'EmptySampleError';
  readonly exitCode = DRIFT_INPUT_EXIT_CODE;
  constructor(
    message: string,
    readonly column?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Two arrays that must pair up element by element (counts per bin, shares) differ in length. */
export class SampleLengthError extends Error {
  override readonly name = 'SampleLengthError';
  readonly exitCode = DRIFT_INPUT_EXIT_CODE;
  constructor(
    message: string,
    readonly column?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** NaN or ±Infinity where a finite number is required, or a negative count. */
export class InvalidValueError extends Error {
  override readonly name = 'InvalidValueError';
  readonly exitCode = DRIFT_INPUT_EXIT_CODE;
  constructor(
    message: string,
    readonly column?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * An option that cannot be applied: an unknown method, a method that does not fit the column's
 * kind (KS on a categorical column), a threshold or share outside its range, a bootstrap setting
 * that is not a positive integer.
 */
export class DriftOptionError extends Error {
  override readonly name = 'DriftOptionError';
  readonly exitCode = DRIFT_INPUT_EXIT_CODE;
  constructor(
    message: string,
    readonly column?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * The reference and current data do not describe the same column: a column missing from one
 * side, different kinds (numeric vs categorical), a date column, or categorical codes outside
 * the levels.
 */
export class ColumnMismatchError extends Error {
  override readonly name = 'ColumnMismatchError';
  readonly exitCode = DRIFT_INPUT_EXIT_CODE;
  constructor(
    message: string,
    readonly column?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
