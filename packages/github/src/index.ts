export {
  type CandidateArtifact,
  type CandidateRecord,
  candidateArtifactName,
  candidateArtifacts,
  formatCandidateRecord,
  parseCandidateArtifactName,
  parseCandidateRecord,
} from './candidate-record';
export type { ModelCheckInput } from './check-run';
export { modelCheckName, setModelCheck } from './check-run';
export type { GitHubClient, GitHubClientOptions, GitHubLog } from './client';
export { createGitHubClient } from './client';
export type { FinishDeploymentInput, StartDeploymentInput } from './deployment-status';
export { finishDeployment, startDeployment } from './deployment-status';
export type { PromotionPayload } from './deployments';
export {
  PRODUCTION_ENVIRONMENT,
  readPromotionHistory,
  recordPromotion,
} from './deployments';
export {
  DRIFT_ISSUE_LABEL,
  type DriftIssueInput,
  type DriftIssueResult,
  type DriftIssueSummary,
  type DriftIssueVerdict,
  driftIssueBody,
  driftIssueMarker,
  listDriftIssues,
  syncDriftIssue,
} from './drift-issue';
export {
  ArtifactDownloadError,
  DeploymentFailedError,
  DriftIssueError,
  InvalidStickyMarkerError,
  ModelCheckError,
  PublishAbortedError,
  RetrainPullRequestError,
  StickyCommentError,
  WorkflowDispatchError,
} from './errors';
export {
  type ModelCheckKind,
  type ModelCheckPlan,
  type ModelCheckPlanInput,
  planModelChecks,
  pullRequestFiles,
} from './model-check-plan';
export type { Release, ReleaseAsset, RepoCoordinates } from './release-assets';
export { downloadReleaseAsset, uploadReleaseAsset } from './release-assets';
export type { MetricPoint } from './release-metric-history';
export { releaseMetricHistory } from './release-metric-history';
export type { GitHubReleasesRegistryOptions } from './releases-registry';
export { GitHubReleasesRegistry } from './releases-registry';
export {
  type RetrainPullRequestInput,
  type RetrainPullRequestResult,
  retrainPullRequestBody,
  retrainPullRequestMarker,
  upsertRetrainPullRequest,
} from './retrain-pull-request';
export {
  downloadReviewedCandidate,
  findReviewedCandidate,
  GITHUB_ACTIONS_APP,
  MODEL_PR_WORKFLOW,
  type ReviewedCandidate,
  type ReviewedCandidateQuery,
  type ReviewedCandidateResult,
} from './reviewed-candidate';
export type { StickyCommentInput, StickyCommentResult } from './sticky-comment';
export { pullRequestHead, upsertStickyComment } from './sticky-comment';
export { readSumsRecord, sumsDigest, verifySumsRecord } from './sums-record';
export { GITHUB_TEXT_LIMIT, truncateText } from './text-limit';
export { VERSION_MANIFEST_FILE } from './version-files';
export { downloadArtifact } from './workflow-artifact';
export { dispatchWorkflow } from './workflow-dispatch';
