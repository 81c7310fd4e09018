/** An action input is missing or invalid; the message names the input. */
export class ActionInputError extends Error {
  override readonly name = 'ActionInputError';
}

/** The runner environment lacks a variable the action needs (`GITHUB_REPOSITORY`, …). */
export class RunnerEnvironmentError extends Error {
  override readonly name = 'RunnerEnvironmentError';
}
