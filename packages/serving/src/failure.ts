import {
  InvalidRecordError,
  ModelNotServedError,
  NonFinitePredictionError,
  RejectedRecordError,
  RequestBodyError,
  RequestTimeoutError,
  RequestTooLargeError,
  UnsupportedMediaTypeError,
} from './errors';

/** What went wrong with a request, before a protocol shapes it into its error body. */
export interface Failure {
  readonly status: number;
  readonly code:
    | 'invalid-json'
    | 'invalid-record'
    | 'rejected-record'
    | 'non-finite-prediction'
    | 'too-large'
    | 'timeout'
    | 'unsupported-media-type'
    | 'not-found'
    | 'method-not-allowed'
    | 'internal';
  readonly message: string;
  /** 0-based index of the record at fault, when one is. */
  readonly record?: number;
  /** The feature at fault, when one is. */
  readonly field?: string;
}

function located(record: number, field: string): { record?: number; field?: string } {
  return { ...(record >= 0 ? { record } : {}), ...(field === '' ? {} : { field }) };
}

/** The failure an error thrown while answering stands for; `undefined` for an unexpected error (500). */
export function failureOf(error: unknown): Failure | undefined {
  if (error instanceof InvalidRecordError) {
    return {
      status: 400,
      code: 'invalid-record',
      message: error.message,
      ...located(error.record, error.field),
    };
  }
  if (error instanceof RejectedRecordError) {
    return {
      status: 422,
      code: 'rejected-record',
      message: error.message,
      ...located(error.record, error.field),
    };
  }
  if (error instanceof NonFinitePredictionError) {
    return {
      status: 422,
      code: 'non-finite-prediction',
      message: error.message,
      record: error.record,
    };
  }
  if (error instanceof RequestBodyError) {
    return { status: 400, code: 'invalid-json', message: error.message };
  }
  if (error instanceof RequestTooLargeError) {
    return { status: 413, code: 'too-large', message: error.message };
  }
  if (error instanceof RequestTimeoutError) {
    return { status: 408, code: 'timeout', message: error.message };
  }
  if (error instanceof UnsupportedMediaTypeError) {
    return { status: 415, code: 'unsupported-media-type', message: error.message };
  }
  if (error instanceof ModelNotServedError) {
    return { status: 404, code: 'not-found', message: error.message };
  }
  return undefined;
}

/** The answer to an error nobody expected: details go to the log, not to the client. */
export const INTERNAL_FAILURE: Failure = {
  status: 500,
  code: 'internal',
  message: 'internal error while predicting',
};
