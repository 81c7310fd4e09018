import * as core from '@actions/core';
import {
  type InputReader,
  parseCommitSha,
  parsePositiveInteger,
  requiredInput,
} from '@repo/action-common';

export const INPUT_TOKEN = 'token';
export const INPUT_REPORT_PATH = 'report-path';
export const INPUT_PR_NUMBER = 'pr-number';
export const INPUT_SHA = 'sha';

export interface Inputs {
  readonly token: string;
  readonly reportPath: string;
  /**
   * Undefined when the input is empty: a pull request from a fork (workflow_run lists no pull
   * request then); the number is read from the report artifact and checked against `sha`.
   */
  readonly prNumber: number | undefined;
  readonly sha: string;
}

/** Parses and validates every input of the action. */
export function getInputs(read: InputReader = (name) => core.getInput(name)): Inputs {
  return {
    token: requiredInput(read, INPUT_TOKEN),
    reportPath: requiredInput(read, INPUT_REPORT_PATH),
    prNumber:
      read(INPUT_PR_NUMBER).trim() === ''
        ? undefined
        : parsePositiveInteger(read(INPUT_PR_NUMBER).trim(), INPUT_PR_NUMBER),
    sha: parseCommitSha(requiredInput(read, INPUT_SHA), INPUT_SHA),
  };
}
