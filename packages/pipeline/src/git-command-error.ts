/** A git command the pipeline ran failed (`cause`: the process error, with its stderr). */
export class GitCommandError extends Error {
  override readonly name = 'GitCommandError';
  readonly exitCode = 70;
}
