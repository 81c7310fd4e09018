/** The repository layout is not what the template expects (no models/, unknown model). */
export class WorkspaceError extends Error {
  override readonly name = 'WorkspaceError';
  readonly exitCode = 3;
}

/** A step needs the output of an earlier step that has not run (e.g. evaluate before train). */
export class MissingCandidateError extends Error {
  override readonly name = 'MissingCandidateError';
  readonly exitCode = 3;
}

/** The workspace data differs from its DVC pointer, so training on it would not match the recorded version. */
export class DataOutOfDateError extends Error {
  override readonly name = 'DataOutOfDateError';
  readonly exitCode = 3;
}

/** The candidate on disk was trained from another config or data version than the workspace holds. */
export class StaleCandidateError extends Error {
  override readonly name = 'StaleCandidateError';
  readonly exitCode = 3;
}

/** A pull request's candidate artifact is not what a model-pr run uploads (kind, size, format). */
export class UntrustedCandidateError extends Error {
  override readonly name = 'UntrustedCandidateError';
  readonly exitCode = 4;
}
