export {
  type BackendInfo,
  type BackendName,
  type BackendPreference,
  effectivePreference,
  type InitBackendOptions,
  initBackend,
  selectedBackend,
} from './backend';
export { BACKEND_PREFERENCES } from './backend-names';
export {
  createEpochProgress,
  type EpochProgress,
  type EpochProgressOptions,
  type ProgressStream,
} from './epoch-progress';
export {
  BackendUnavailableError,
  ModelFormatError,
  TrainingDivergedError,
  TrainingInputError,
} from './errors';
export { buildMlp } from './mlp';
export { loadModel, saveModel } from './model-files';
export { predict } from './predict';
export type { EarlyStopping, MlpArchitecture, Task, TrainingSettings } from './specs';
export { type EpochReport, type TrainInput, type TrainResult, trainMlp } from './train-mlp';
