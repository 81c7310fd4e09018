import * as core from '@actions/core';
import {
  type InputReader,
  optionalInput,
  parseCommitSha,
  parsePositiveInteger,
  requiredInput,
} from '@repo/action-common';

export const INPUT_TOKEN = 'token';
export const INPUT_REPORT_PATH = 'report-path';
export const INPUT_PR_NUMBER = 'pr-number';
export const INPUT_SHA = 'sha';
export const INPUT_CANDIDATE_PATH = 'candidate-path';
export const INPUT_HEAD_REPOSITORY = 'head-repository';
export const INPUT_COMMENT_AUTHOR = 'comment-author';
/** The account `GITHUB_TOKEN` acts as. */
export const GITHUB_TOKEN_LOGIN = 'github-actions[bot]';

export interface Inputs {
  readonly token: string;
  readonly reportPath: string;
  /**
   * Undefined when the input is empty: a pull request from a fork (workflow_run lists no pull
   * request then); the number is read from the report artifact and checked against `sha`.
   */
  readonly prNumber: number | undefined;
  readonly sha: string;
  /** The candidate artifacts of the run; undefined records no candidate. */
  readonly candidatePath: string | undefined;
  /** `owner/name` of the run's head repository; undefined when unknown (records nothing). */
  readonly headRepository: string | undefined;
  /** The login the token acts as: only its comments are edited. */
  readonly commentAuthor: string;
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
    candidatePath: optionalInput(read, INPUT_CANDIDATE_PATH),
    headRepository: optionalInput(read, INPUT_HEAD_REPOSITORY),
    commentAuthor: optionalInput(read, INPUT_COMMENT_AUTHOR) ?? GITHUB_TOKEN_LOGIN,
  };
}
