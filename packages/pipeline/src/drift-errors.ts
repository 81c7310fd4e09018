/**
 * Errors of the drift and retraining steps. Each is an input problem (exit code 3): the named
 * file, column or source must be fixed; nothing was written.
 */

/** The current window cannot be read: no file matches, a URL answers an error or times out, an unknown format. */
export class DriftSourceError extends Error {
  override readonly name = 'DriftSourceError';
  readonly exitCode = 3;
  constructor(
    message: string,
    readonly source: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The window's rows cannot be compared: a feature is absent or all missing, the time column is unusable. */
export class WindowDataError extends Error {
  override readonly name = 'WindowDataError';
  readonly exitCode = 3;
  constructor(
    message: string,
    readonly source: string,
    readonly column?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The data version the production model learned from cannot be rebuilt (and no fallback was allowed). */
export class ReferenceDataError extends Error {
  override readonly name = 'ReferenceDataError';
  readonly exitCode = 3;
}
