/** The errors `@repo/serving` throws, one class per kind of failure. */

/** A record sent for prediction lacks a feature or holds a value of the wrong type. */
export class InvalidRecordError extends Error {
  override readonly name = 'InvalidRecordError';
  readonly exitCode = 3;
  constructor(
    message: string,
    /** 0-based index of the offending record in the request. */
    readonly record: number,
    /** The feature (input column) at fault; empty when the record itself is not an object. */
    readonly field: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The registry has no version of the model for the requested ref (`production`, `latest`, a version). */
export class ReleaseNotFoundError extends Error {
  override readonly name = 'ReleaseNotFoundError';
  readonly exitCode = 3;
  constructor(
    message: string,
    readonly model: string,
    readonly ref: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * A downloaded version cannot be served: a file it needs is missing or does not have the expected
 * shape (e.g. `training.json` without a task, or an input schema that disagrees with the
 * preprocessing).
 */
export class ReleaseFormatError extends Error {
  override readonly name = 'ReleaseFormatError';
  readonly exitCode = 4;
  constructor(
    message: string,
    /** The file at fault. */
    readonly file: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** An HTTP request body that is not the JSON document the endpoint expects. */
export class RequestBodyError extends Error {
  override readonly name = 'RequestBodyError';
  readonly exitCode = 3;
}

/** An HTTP request body larger than the server accepts. */
export class RequestTooLargeError extends Error {
  override readonly name = 'RequestTooLargeError';
  readonly exitCode = 3;
  constructor(
    message: string,
    /** The limit, in bytes. */
    readonly limit: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** An HTTP request body whose content type the endpoint does not read (415). */
export class UnsupportedMediaTypeError extends Error {
  override readonly name = 'UnsupportedMediaTypeError';
  readonly exitCode = 3;
  constructor(
    message: string,
    /** The `content-type` header as received (empty when absent). */
    readonly contentType: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** An HTTP request body that did not arrive in full within the server's request timeout (408). */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  readonly exitCode = 3;
  constructor(
    message: string,
    /** The timeout, in milliseconds. */
    readonly timeoutMs: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A request names a model, or a version of it, that this server has not loaded (404). */
export class ModelNotServedError extends Error {
  override readonly name = 'ModelNotServedError';
  readonly exitCode = 3;
  constructor(
    message: string,
    readonly model: string,
    /** The version asked for; empty when the URL names none. */
    readonly version: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * With `onInvalid: 'reject'`, a record holds a value the model was not trained for: a number
 * outside the `min`/`max` its `model.yaml` declares, or a category never seen in training.
 */
export class RejectedRecordError extends Error {
  override readonly name = 'RejectedRecordError';
  readonly exitCode = 3;
  constructor(
    message: string,
    /** 0-based index of the first offending record. */
    readonly record: number,
    /** Its first offending feature. */
    readonly field: string,
    readonly kind: 'out-of-range' | 'unseen-category',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The model predicted NaN or ±Infinity for a record: never answered as a (null) prediction. */
export class NonFinitePredictionError extends Error {
  override readonly name = 'NonFinitePredictionError';
  readonly exitCode = 70;
  constructor(
    message: string,
    /** 0-based index of the first record whose prediction is not finite. */
    readonly record: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * A server following production refused to swap in a version: it did not download with every
 * sha256 verified, did not load, or its warm-up prediction failed (`cause` says which). The
 * previous version keeps answering.
 */
export class ReloadRefusedError extends Error {
  override readonly name = 'ReloadRefusedError';
  readonly exitCode = 4;
  constructor(
    message: string,
    readonly model: string,
    /** The production version that was refused. */
    readonly version: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The prediction log cannot be set up or written (bad options, a file that cannot be written). */
export class PredictionLogError extends Error {
  override readonly name = 'PredictionLogError';
  readonly exitCode = 2;
  constructor(
    message: string,
    /** The log file. */
    readonly path: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The access log cannot be opened or written. */
export class AccessLogError extends Error {
  override readonly name = 'AccessLogError';
  readonly exitCode = 2;
  constructor(
    message: string,
    /** The log file (`-` for stderr). */
    readonly path: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A batch-prediction input or output file is not usable (format, a record, a value). */
export class BatchInputError extends Error {
  override readonly name = 'BatchInputError';
  readonly exitCode = 3;
}

/** A version's training-data profile lacks what a smoke-test row needs, or its prediction fails. */
export class SmokeRecordError extends Error {
  override readonly name = 'SmokeRecordError';
  readonly exitCode = 4;
}
