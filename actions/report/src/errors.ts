/** A quality gate of at least one model failed; the message names the models and the gates. */
export class GatesFailedError extends Error {
  override readonly name = 'GatesFailedError';
}

/** The pull request to report on cannot be told, or does not match the reported commit. */
export class PullRequestNumberError extends Error {
  override readonly name = 'PullRequestNumberError';
}
