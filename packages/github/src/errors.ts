/** The errors `@repo/github` throws (besides the registry errors of `@repo/registry`). */

/**
 * Publishing a version to GitHub Releases failed after the draft release was created; the draft
 * was deleted (or `draftLeft` names the release id that could not be deleted).
 */
export class PublishAbortedError extends Error {
  override readonly name = 'PublishAbortedError';
  readonly exitCode = 70;
  constructor(
    message: string,
    readonly draftLeft: number | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A deployment (promotion or rollback) could not be recorded on GitHub. */
export class DeploymentFailedError extends Error {
  override readonly name = 'DeploymentFailedError';
  readonly exitCode = 70;
}

/** The marker of a sticky comment is empty; without one the comment could never be found again. */
export class InvalidStickyMarkerError extends Error {
  override readonly name = 'InvalidStickyMarkerError';
  readonly exitCode = 70;
}

/** Creating, updating or de-duplicating a sticky PR comment failed (`cause` is the API error). */
export class StickyCommentError extends Error {
  override readonly name = 'StickyCommentError';
  readonly exitCode = 70;
}

/** Creating or updating a model's check run failed (`cause` is the API error). */
export class ModelCheckError extends Error {
  override readonly name = 'ModelCheckError';
  readonly exitCode = 70;
}

/** A workflow run artifact cannot be downloaded or extracted. */
export class ArtifactDownloadError extends Error {
  override readonly name = 'ArtifactDownloadError';
  readonly exitCode = 4;
}

/** Finding, opening, updating, closing or de-duplicating a model's drift issue failed (`cause`: the API error). */
export class DriftIssueError extends Error {
  override readonly name = 'DriftIssueError';
  readonly exitCode = 70;
}

/** Finding, opening or updating a model's retraining pull request failed (`cause`: the API error). */
export class RetrainPullRequestError extends Error {
  override readonly name = 'RetrainPullRequestError';
  readonly exitCode = 70;
}

/** A `workflow_dispatch` could not be created (`cause`: the API error). */
export class WorkflowDispatchError extends Error {
  override readonly name = 'WorkflowDispatchError';
  readonly exitCode = 70;
}
