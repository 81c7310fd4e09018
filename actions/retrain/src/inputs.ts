import * as core from '@actions/core';
import {
  ActionInputError,
  type InputReader,
  optionalInput,
  parseBoolean,
  parseChoice,
  parseModelName,
  parsePositiveInteger,
  requiredInput,
} from '@repo/action-common';
import { BACKEND_PREFERENCES } from '@repo/train/backend-names';

export const INPUT_MODEL = 'model';
export const INPUT_TOKEN = 'token';
export const INPUT_REPORT_PATH = 'report-path';
export const INPUT_DRIFT_ISSUE = 'drift-issue';
export const INPUT_BASE = 'base';
export const INPUT_DISPATCH = 'dispatch-model-pr';
export const INPUT_COMMITTER = 'committer';
export const INPUT_BACKEND = 'backend';

const BACKENDS = BACKEND_PREFERENCES;
/** `GITHUB_TOKEN`'s bot, as git records it. */
const GITHUB_ACTIONS_COMMITTER =
  'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';

export interface Inputs {
  readonly model: string;
  readonly token: string;
  /** The drift step's report folder (drift.md is the pull request's body). */
  readonly reportPath: string;
  readonly driftIssue: number | undefined;
  readonly base: string;
  /** Dispatch model-pr after a push: the token is `GITHUB_TOKEN`, whose pushes start nothing. */
  readonly dispatch: boolean;
  readonly committer: { readonly name: string; readonly email: string };
  readonly backend: (typeof BACKENDS)[number];
}

/** `Name <email>`. */
function parseCommitter(value: string): { name: string; email: string } {
  const match = /^(.+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(value.trim());
  if (match === null || match[1] === undefined || match[2] === undefined) {
    throw new ActionInputError(`input "${INPUT_COMMITTER}" must be "Name <email>", not "${value}"`);
  }
  return { name: match[1], email: match[2] };
}

/** Parses and validates every input of the action. */
export function getInputs(read: InputReader = (name) => core.getInput(name)): Inputs {
  const issue = optionalInput(read, INPUT_DRIFT_ISSUE);
  return {
    model: parseModelName(requiredInput(read, INPUT_MODEL), INPUT_MODEL),
    token: requiredInput(read, INPUT_TOKEN),
    reportPath: requiredInput(read, INPUT_REPORT_PATH),
    driftIssue: issue === undefined ? undefined : parsePositiveInteger(issue, INPUT_DRIFT_ISSUE),
    base: optionalInput(read, INPUT_BASE) ?? 'main',
    dispatch: parseBoolean(read(INPUT_DISPATCH).trim() || 'false', INPUT_DISPATCH),
    committer: parseCommitter(optionalInput(read, INPUT_COMMITTER) ?? GITHUB_ACTIONS_COMMITTER),
    backend: parseChoice(read(INPUT_BACKEND).trim() || 'auto', INPUT_BACKEND, BACKENDS),
  };
}
