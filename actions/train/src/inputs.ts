import * as core from '@actions/core';
import { type InputReader, parseChoice, parseModelName, requiredInput } from '@repo/action-common';
import { BACKEND_PREFERENCES } from '@repo/train/backend-names';

export const INPUT_MODEL = 'model';
export const INPUT_BACKEND = 'backend';

export const BACKENDS = BACKEND_PREFERENCES;
export type Backend = (typeof BACKENDS)[number];

export interface Inputs {
  readonly model: string;
  readonly backend: Backend;
}

/** Parses and validates every input of the action. */
export function getInputs(read: InputReader = (name) => core.getInput(name)): Inputs {
  return {
    model: parseModelName(requiredInput(read, INPUT_MODEL), INPUT_MODEL),
    backend: parseChoice(read(INPUT_BACKEND).trim() || 'auto', INPUT_BACKEND, BACKENDS),
  };
}
