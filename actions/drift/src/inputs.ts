import { isAbsolute, resolve } from 'node:path';
import * as core from '@actions/core';
import {
  ActionInputError,
  type InputReader,
  optionalInput,
  parseChoice,
  parseModelName,
  requiredInput,
} from '@repo/action-common';
import type { ResolvedSource } from '@repo/pipeline';
import { BACKEND_PREFERENCES } from '@repo/train/backend-names';

export const INPUT_MODEL = 'model';
export const INPUT_TOKEN = 'token';
export const INPUT_CURRENT = 'current';
export const INPUT_REPORT_DIR = 'report-dir';
export const INPUT_ISSUE_AUTHOR = 'issue-author';
export const INPUT_BACKEND = 'backend';

/** The account `GITHUB_TOKEN` acts as. */
export const GITHUB_TOKEN_LOGIN = 'github-actions[bot]';
const BACKENDS = BACKEND_PREFERENCES;
/** How long a URL window may take to answer, as `monitoring.source` URLs default to. */
const URL_TIMEOUT_MS = 10_000;

export interface Inputs {
  readonly model: string;
  readonly token: string;
  /** The window instead of `monitoring.source`; undefined reads the model's source. */
  readonly current: ResolvedSource | undefined;
  /** Where the reports go; undefined: a folder under `RUNNER_TEMP`. */
  readonly reportDir: string | undefined;
  /** The login the token acts as: only its issues are edited. */
  readonly issueAuthor: string;
  readonly backend: (typeof BACKENDS)[number];
}

/** `current`: an http(s) URL as is, a path or glob relative to the workspace. */
export function parseCurrentSource(
  value: string | undefined,
  workspace: string,
): ResolvedSource | undefined {
  if (value === undefined) return undefined;
  if (/^https?:\/\//i.test(value)) return { kind: 'url', url: value, timeoutMs: URL_TIMEOUT_MS };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new ActionInputError(
      `input "${INPUT_CURRENT}": only http(s) URLs are read, not ${value}`,
    );
  }
  return { kind: 'path', pattern: isAbsolute(value) ? value : resolve(workspace, value) };
}

/** Parses and validates every input of the action. */
export function getInputs(
  workspace: string,
  read: InputReader = (name) => core.getInput(name),
): Inputs {
  return {
    model: parseModelName(requiredInput(read, INPUT_MODEL), INPUT_MODEL),
    token: requiredInput(read, INPUT_TOKEN),
    current: parseCurrentSource(optionalInput(read, INPUT_CURRENT), workspace),
    reportDir: optionalInput(read, INPUT_REPORT_DIR),
    issueAuthor: optionalInput(read, INPUT_ISSUE_AUTHOR) ?? GITHUB_TOKEN_LOGIN,
    backend: parseChoice(read(INPUT_BACKEND).trim() || 'auto', INPUT_BACKEND, BACKENDS),
  };
}
