import { downloadArtifact, getArtifact, listArtifacts } from './artifacts';
import { createCheckRun, getCheckRun, listCheckRunsForRef, updateCheckRun } from './checks';
import { createCommitStatus, getCombinedStatus, listCommitStatuses } from './commit-statuses';
import type { Handler } from './context';
import {
  createDeployment,
  createDeploymentStatus,
  getDeployment,
  listDeploymentStatuses,
  listDeployments,
} from './deployments';
import { createRef, createTag, deleteRef, getRef, getTag } from './git-refs';
import {
  createIssueComment,
  deleteIssueComment,
  getIssueComment,
  listIssueComments,
  updateIssueComment,
} from './issue-comments';
import { createIssue, getIssue, listRepoIssues, updateIssue } from './issues';
import { createPull, listPulls, updatePull } from './pull-writes';
import { getPull, listIssueLabels, listPullFiles, listPullsForCommit } from './pulls';
import {
  deleteReleaseAsset,
  getReleaseAsset,
  listReleaseAssets,
  updateReleaseAsset,
  uploadReleaseAsset,
} from './release-assets';
import {
  createRelease,
  deleteRelease,
  getLatestRelease,
  getRelease,
  getReleaseByTag,
  listReleases,
  updateRelease,
} from './releases';
import { getRateLimit, getRepo } from './repos';
import { createWorkflowDispatch } from './workflow-dispatch';
import { getWorkflowRun, listWorkflowRunArtifacts, listWorkflowRuns } from './workflow-runs';

const R = '/repos/{owner}/{repo}';

/** Implemented operations, keyed `METHOD /template` exactly as in GitHub's OpenAPI description. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  'GET /rate_limit': getRateLimit,
  [`GET ${R}/actions/artifacts`]: listArtifacts,
  [`GET ${R}/actions/artifacts/{artifact_id}`]: getArtifact,
  [`GET ${R}/actions/artifacts/{artifact_id}/{archive_format}`]: downloadArtifact,
  [`GET ${R}/actions/runs/{run_id}`]: getWorkflowRun,
  [`GET ${R}/actions/runs/{run_id}/artifacts`]: listWorkflowRunArtifacts,
  [`GET ${R}/actions/workflows/{workflow_id}/runs`]: listWorkflowRuns,
  [`POST ${R}/actions/workflows/{workflow_id}/dispatches`]: createWorkflowDispatch,
  [`GET ${R}`]: getRepo,
  [`GET ${R}/releases`]: listReleases,
  [`POST ${R}/releases`]: createRelease,
  [`GET ${R}/releases/{release_id}`]: getRelease,
  [`PATCH ${R}/releases/{release_id}`]: updateRelease,
  [`DELETE ${R}/releases/{release_id}`]: deleteRelease,
  [`GET ${R}/releases/latest`]: getLatestRelease,
  [`GET ${R}/releases/tags/{tag}`]: getReleaseByTag,
  [`GET ${R}/releases/{release_id}/assets`]: listReleaseAssets,
  [`POST ${R}/releases/{release_id}/assets`]: uploadReleaseAsset,
  [`GET ${R}/releases/assets/{asset_id}`]: getReleaseAsset,
  [`PATCH ${R}/releases/assets/{asset_id}`]: updateReleaseAsset,
  [`DELETE ${R}/releases/assets/{asset_id}`]: deleteReleaseAsset,
  [`GET ${R}/git/ref/{ref}`]: getRef,
  [`POST ${R}/git/refs`]: createRef,
  [`DELETE ${R}/git/refs/{ref}`]: deleteRef,
  [`POST ${R}/git/tags`]: createTag,
  [`GET ${R}/git/tags/{tag_sha}`]: getTag,
  [`GET ${R}/issues`]: listRepoIssues,
  [`POST ${R}/issues`]: createIssue,
  [`GET ${R}/issues/{issue_number}`]: getIssue,
  [`PATCH ${R}/issues/{issue_number}`]: updateIssue,
  [`GET ${R}/issues/{issue_number}/comments`]: listIssueComments,
  [`POST ${R}/issues/{issue_number}/comments`]: createIssueComment,
  [`GET ${R}/issues/comments/{comment_id}`]: getIssueComment,
  [`PATCH ${R}/issues/comments/{comment_id}`]: updateIssueComment,
  [`DELETE ${R}/issues/comments/{comment_id}`]: deleteIssueComment,
  [`GET ${R}/issues/{issue_number}/labels`]: listIssueLabels,
  [`POST ${R}/check-runs`]: createCheckRun,
  [`GET ${R}/check-runs/{check_run_id}`]: getCheckRun,
  [`PATCH ${R}/check-runs/{check_run_id}`]: updateCheckRun,
  [`GET ${R}/commits/{ref}/check-runs`]: listCheckRunsForRef,
  [`POST ${R}/statuses/{sha}`]: createCommitStatus,
  [`GET ${R}/commits/{ref}/status`]: getCombinedStatus,
  [`GET ${R}/commits/{ref}/statuses`]: listCommitStatuses,
  [`GET ${R}/deployments`]: listDeployments,
  [`POST ${R}/deployments`]: createDeployment,
  [`GET ${R}/deployments/{deployment_id}`]: getDeployment,
  [`GET ${R}/deployments/{deployment_id}/statuses`]: listDeploymentStatuses,
  [`POST ${R}/deployments/{deployment_id}/statuses`]: createDeploymentStatus,
  [`GET ${R}/pulls`]: listPulls,
  [`POST ${R}/pulls`]: createPull,
  [`GET ${R}/pulls/{pull_number}`]: getPull,
  [`PATCH ${R}/pulls/{pull_number}`]: updatePull,
  [`GET ${R}/pulls/{pull_number}/files`]: listPullFiles,
  [`GET ${R}/commits/{commit_sha}/pulls`]: listPullsForCommit,
};
