/** The errors `@repo/serving` throws, one class per kind of failure. */

/** A record sent for prediction lacks a feature or holds a value of the wrong type. */
export class InvalidRecordError extends Error {
  override readonly name = 'InvalidRecordError';
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
}

/** An HTTP request body larger than the server accepts. */
export class RequestTooLargeError extends Error {
  override readonly name = 'RequestTooLargeError';
  constructor(
    message: string,
    /** The limit, in bytes. */
    readonly limit: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
