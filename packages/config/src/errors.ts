/** One problem found in a model configuration. */
export interface ConfigIssue {
  /** Dotted path inside the document, e.g. `training.learningRate` or `features[2].type`. */
  readonly path: string;
  /** What the schema expects there. */
  readonly expected: string;
  /** What the document holds there (rendered as JSON), or `nothing` when absent. */
  readonly found: string;
  /** 1-based line in the file, when known. */
  readonly line?: number;
  readonly hint?: string;
}

/** The configuration file cannot be read or is not valid YAML. */
export class ConfigReadError extends Error {
  override readonly name = 'ConfigReadError';
  readonly exitCode = 3;
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
  }
}

/** The configuration parses but does not match the schema or its cross-field rules. */
export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';
  readonly exitCode = 3;
  constructor(
    readonly file: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(
      `${file}: invalid model configuration (${issues.length} problem${issues.length === 1 ? '' : 's'})\n${issues
        .map((issue) => `  - ${formatIssue(issue)}`)
        .join('\n')}`,
    );
  }
}

/** `training.epochs (line 31): expected an integer ≥ 1, found "ten"` */
export function formatIssue(issue: ConfigIssue): string {
  const where = issue.line === undefined ? issue.path : `${issue.path} (line ${issue.line})`;
  const hint = issue.hint === undefined ? '' : `; ${issue.hint}`;
  return `${where}: expected ${issue.expected}, found ${issue.found}${hint}`;
}
