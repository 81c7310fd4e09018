export {
  InvalidRecordError,
  ReleaseFormatError,
  ReleaseNotFoundError,
  RequestBodyError,
  RequestTooLargeError,
} from './errors';
export { type LoadReleaseOptions, loadRelease, PREPROCESSOR_FILE } from './load-release';
export type { LoadedModel } from './loaded-model';
export {
  DEFAULT_MAX_BODY_BYTES,
  type ErrorBody,
  type RunningServer,
  type ServerOptions,
  startServer,
} from './prediction-server';
export { type InputField, TRAINING_RECORD } from './release-metadata';
export { validateRecords } from './validate-records';
