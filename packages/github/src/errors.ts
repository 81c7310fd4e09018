/** The errors `@repo/github` throws (besides the registry errors of `@repo/registry`). */

/**
 * Publishing a version to GitHub Releases failed after the draft release was created; the draft
 * was deleted (or `draftLeft` names the release id that could not be deleted).
 */
export class PublishAbortedError extends Error {
  override readonly name = 'PublishAbortedError';
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
}
