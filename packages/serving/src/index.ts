export { AccessLog, type AccessLogEntry, openAccessLog } from './access-log';
export { type BatchPredictOptions, type BatchPredictSummary, predictFile } from './batch-predict';
export {
  AccessLogError,
  BatchInputError,
  InvalidRecordError,
  ModelNotServedError,
  NonFinitePredictionError,
  PredictionLogError,
  RejectedRecordError,
  ReleaseFormatError,
  ReleaseNotFoundError,
  ReloadRefusedError,
  RequestBodyError,
  RequestTimeoutError,
  RequestTooLargeError,
  SmokeRecordError,
  UnsupportedMediaTypeError,
} from './errors';
export {
  type FollowOutcome,
  type FollowProductionOptions,
  followProduction,
  ProductionFollower,
} from './follow-production';
export { type LoadReleaseOptions, loadRelease, PREPROCESSOR_FILE } from './load-release';
export type { LoadedModel, OnInvalid, Prediction } from './loaded-model';
export {
  LATENCY_BUCKETS,
  PREDICTION_BUCKETS,
  ServingMetrics,
  type ServingMetricsOptions,
} from './metrics';
export { type ModelServer, type ModelServerOptions, startModelServer } from './model-server';
export { ModelLease, ModelSlot, type ReloadStatus } from './model-slot';
export { openApiDocument } from './openapi';
export {
  DEFAULT_LOG_KEEP,
  DEFAULT_LOG_MAX_BYTES,
  DEFAULT_LOG_QUEUE,
  PredictionLog,
  type PredictionLogOptions,
  type PredictionLogStats,
} from './prediction-log';
export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type RunningServer,
  type ServerOptions,
  startServer,
} from './prediction-server';
export type { ErrorBody } from './protocols/native';
export { type InputField, TRAINING_RECORD } from './release-metadata';
export { ServedModels } from './served-models';
export {
  DEFAULT_SHUTDOWN_GRACE_MS,
  nextSignal,
  type ServerParts,
  type ShutdownReport,
  shutdownGracefully,
} from './shutdown';
export {
  PROFILE_FILE,
  type SmokeColumnProfile,
  type SmokeProfile,
  type SmokeTestResult,
  smokeRecord,
  smokeTest,
} from './smoke-test';
export {
  type FeatureRule,
  findWarnings,
  type RecordWarning,
  validateRecords,
} from './validate-records';
export { warmUp, warmUpRecord } from './warm-up';
