export type { ResolvedSource } from '@repo/config';
export { DRIFT_METHODS, type DriftMethod } from '@repo/drift';
export {
  type DriftReportData,
  headline as driftHeadline,
  renderDriftHtml,
  renderDriftJson,
  renderDriftMarkdown,
} from '@repo/drift-report';
export type { ModelVersion } from '@repo/registry';
export { effectivePreference as effectiveBackend } from '@repo/train';
export { artifactDigest, MODEL_FILES } from './artifact-digest';
export type { TrainingRecord } from './candidate-files';
export { type ChangedModelsInput, changedModels, DEFAULT_SHARED_PATHS } from './changed-models';
export { classifyError, type ErrorKind } from './classify-error';
export {
  type BackendPreference,
  type ContextOptions,
  createContext,
  type PipelineContext,
} from './context';
export { type ColumnProfile, type DataProfile, profileTable } from './data-profile';
export { addData, DATA_POINTER, dataStatus, pullData, pushData } from './data-steps';
export { type DeployTarget, deployTargets } from './deploy-targets';
export { type CompareOptions, compareCsvFiles } from './drift-compare';
export { DriftSourceError, ReferenceDataError, WindowDataError } from './drift-errors';
export { type DriftOutputFiles, writeDriftOutputs } from './drift-outputs';
export { type DriftCheck, type DriftOptions, driftCheck } from './drift-step';
export {
  DataOutOfDateError,
  MissingCandidateError,
  StaleCandidateError,
  UntrustedCandidateError,
  WorkspaceError,
} from './errors';
export { type EvaluationSummary, evaluateModel } from './evaluate-step';
export { EXAMPLE_DATA_FILE, generateExampleData } from './example-data';
export { EXAMPLE_WINDOW_FILE, generateExampleWindow } from './example-window';
export { GitCommandError } from './git-command-error';
export { type InputHash, type InputHashOptions, trainingInputHash } from './input-hash';
export type { Lineage } from './lineage';
export { renderModelCard } from './model-card';
export { loadModelData, type ModelData } from './model-data';
export { ONNX_FILE, ONNX_SAMPLE_ROWS, type OnnxAssetInput, writeOnnxAsset } from './onnx-asset';
export { type PromotionSummary, promoteModel } from './promote-step';
export {
  evaluatePullRequestCandidate,
  type PullRequestCandidate,
  type PullRequestEvaluation,
} from './pull-request-candidate';
export { releaseChecksums } from './release-checksums';
export { type CandidateSource, type ReleaseOptions, releaseModel } from './release-step';
export {
  COMMITTED_REMOTE,
  pushRetrainBranch,
  type RetrainBranchOptions,
  type RetrainBranchResult,
  retrainBranchName,
} from './retrain-branch';
export { type RetrainSummary, retrainData } from './retrain-step';
export { type ModelPipelineResult, type PipelineSummary, runPipeline } from './run-pipeline';
export { applyTimeWindow, spanStart, type WindowedTable } from './time-window';
export { type TrainSummary, trainModel } from './train-step';
export {
  candidateDir,
  findRepoRoot,
  listModels,
  type WorkspacePaths,
  workspacePaths,
} from './workspace';
