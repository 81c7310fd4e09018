/**
 * Error classes of @repo/workflow-runner: one class per kind of failure. Messages name the
 * workflow file, the job and the step (or the expression) they come from.
 */

/** A workflow file (or an action's `action.yml`) cannot be read, is not YAML, or has the wrong shape. */
export class WorkflowFileError extends Error {
  override readonly name = 'WorkflowFileError';
  readonly exitCode = 3;
  constructor(
    /** The file, as given by the caller. */
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
  }
}

/** A `${{ }}` expression does not parse, or calls a function / uses a context the runner does not know. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  readonly exitCode = 3;
  constructor(
    /** The expression text (without `${{ }}`). */
    readonly expression: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`expression \`${expression}\`: ${message}`, options);
  }
}

/**
 * A step `uses:` a third-party action (or a kind of action) the local runner cannot run and the
 * test supplied no `stepOverrides` entry for. Failing loudly beats silently skipping a step.
 */
export class UnhandledStepError extends Error {
  override readonly name = 'UnhandledStepError';
  readonly exitCode = 70;
  constructor(
    readonly file: string,
    readonly job: string,
    /** The step's id or name. */
    readonly step: string,
    /** The `uses:` reference, e.g. `actions/checkout@<sha>`. */
    readonly uses: string,
    message: string,
  ) {
    super(`${file}: job ${job}: step ${step}: ${uses}: ${message}`);
  }
}

/** An environment file (`GITHUB_OUTPUT`, `GITHUB_ENV`, `GITHUB_STATE`) a step wrote is malformed. */
export class EnvFileError extends Error {
  override readonly name = 'EnvFileError';
  readonly exitCode = 3;
  constructor(
    readonly file: string,
    /** 1-based line of the problem. */
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}
