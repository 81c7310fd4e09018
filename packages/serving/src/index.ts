export {
  InvalidRecordError,
  ModelNotServedError,
  NonFinitePredictionError,
  RejectedRecordError,
  ReleaseFormatError,
  ReleaseNotFoundError,
  RequestBodyError,
  RequestTimeoutError,
  RequestTooLargeError,
  UnsupportedMediaTypeError,
} from './errors';
export { type LoadReleaseOptions, loadRelease, PREPROCESSOR_FILE } from './load-release';
export type { LoadedModel, OnInvalid, Prediction } from './loaded-model';
export { openApiDocument } from './openapi';
export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type RunningServer,
  type ServerOptions,
  startServer,
} from './prediction-server';
export type { ErrorBody } from './protocols/native';
export { type InputField, TRAINING_RECORD } from './release-metadata';
export {
  type FeatureRule,
  findWarnings,
  type RecordWarning,
  validateRecords,
} from './validate-records';
