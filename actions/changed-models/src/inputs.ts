import * as core from '@actions/core';
import { type InputReader, parseBoolean, parseCommitSha, requiredInput } from '@repo/action-common';

export const INPUT_BASE_SHA = 'base-sha';
export const INPUT_HEAD_SHA = 'head-sha';
export const INPUT_SINCE_LAST_RELEASE = 'since-last-release';

export interface Inputs {
  /** `undefined` when the base is all zeros (a new branch): every model changed. */
  readonly baseSha: string | undefined;
  readonly headSha: string;
  /** Compare each model with its newest release tag instead of `baseSha`. */
  readonly sinceLastRelease: boolean;
}

const ZERO_SHA = /^0{40}$/;

/** Parses and validates every input of the action. */
export function getInputs(read: InputReader = (name) => core.getInput(name)): Inputs {
  const base = parseCommitSha(requiredInput(read, INPUT_BASE_SHA), INPUT_BASE_SHA);
  const headSha = parseCommitSha(requiredInput(read, INPUT_HEAD_SHA), INPUT_HEAD_SHA);
  const sinceLastRelease = parseBoolean(
    read(INPUT_SINCE_LAST_RELEASE).trim() || 'false',
    INPUT_SINCE_LAST_RELEASE,
  );
  return { baseSha: ZERO_SHA.test(base) ? undefined : base, headSha, sinceLastRelease };
}
