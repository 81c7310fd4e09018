/** A feature or target column is absent from the data, or of the wrong kind. */
export class FeatureColumnError extends Error {
  override readonly name = 'FeatureColumnError';
  readonly exitCode = 3;
  constructor(
    message: string,
    readonly column: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A target value the target transform cannot take (non-positive for `log`, missing). */
export class TargetTransformError extends Error {
  override readonly name = 'TargetTransformError';
  readonly exitCode = 3;
  constructor(
    message: string,
    /** 0-based row (table) or index (array) of the offending value. */
    readonly row: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The training rows cannot determine a statistic (no rows, or a column missing throughout). */
export class FeatureFitError extends Error {
  override readonly name = 'FeatureFitError';
  readonly exitCode = 3;
}

/** A row index outside the table. */
export class RowIndexError extends Error {
  override readonly name = 'RowIndexError';
  readonly exitCode = 70;
}

/** A serialized preprocessor state that is not valid JSON or not of the expected shape. */
export class PreprocessorFormatError extends Error {
  override readonly name = 'PreprocessorFormatError';
  readonly exitCode = 4;
  constructor(
    message: string,
    readonly source: string,
    /** Path of the offending field, e.g. `features[2].std` (empty for the document itself). */
    readonly field: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
