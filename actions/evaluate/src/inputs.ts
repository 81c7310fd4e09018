import * as core from '@actions/core';
import { type InputReader, parseChoice, parseModelName, requiredInput } from '@repo/action-common';
import { BACKEND_PREFERENCES } from '@repo/train/backend-names';

export const INPUT_MODEL = 'model';
export const INPUT_TOKEN = 'token';
export const INPUT_REPORT_DIR = 'report-dir';
export const INPUT_BACKEND = 'backend';

export const BACKENDS = BACKEND_PREFERENCES;

export interface Inputs {
  readonly model: string;
  readonly token: string;
  readonly reportDir: string;
  readonly backend: (typeof BACKENDS)[number];
}

/** Parses and validates every input of the action. */
export function getInputs(read: InputReader = (name) => core.getInput(name)): Inputs {
  return {
    model: parseModelName(requiredInput(read, INPUT_MODEL), INPUT_MODEL),
    token: requiredInput(read, INPUT_TOKEN),
    reportDir: read(INPUT_REPORT_DIR).trim() || 'mlops-report',
    backend: parseChoice(read(INPUT_BACKEND).trim() || 'auto', INPUT_BACKEND, BACKENDS),
  };
}
