/**
 * Exit codes of `mlops`. Scripts and workflows rely on them: a failed quality gate is an answer,
 * not a crash, so it has its own code.
 */
export const ExitCode = {
  /** Everything asked for was done (and every gate passed). */
  ok: 0,
  /** The candidate failed at least one quality gate. Nothing was promoted. */
  gatesFailed: 1,
  /** The command line is wrong (unknown command or option, missing argument). */
  usage: 2,
  /** An input is invalid: model config, data file, DVC pointer or config, version. Nothing was written. */
  invalidInput: 3,
  /** Stored content does not match its checksum (DVC object, registry asset, model files). Refused. */
  integrity: 4,
  /** `mlops drift`: the current window drifted from the production model's training data (or its metric degraded). */
  drift: 5,
  /** Anything else: a bug or an environment failure. */
  internal: 70,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export const exitCodeHelp = `Exit codes:
  0   success (all gates passed)
  1   a quality gate failed; nothing was promoted
  2   usage error
  3   invalid input (config, data, DVC pointer); nothing was written
  4   integrity failure (checksum mismatch, corrupt object); refused
  5   drift detected (mlops drift): dataset drift or a degraded metric
  70  internal error`;
