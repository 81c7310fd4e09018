import * as core from '@actions/core';
import {
  ActionInputError,
  type InputReader,
  optionalInput,
  parseChoice,
  parseModelList,
  parseModelName,
  requiredInput,
} from '@repo/action-common';
import type { VersionBump } from '@repo/registry';
import { BACKEND_PREFERENCES } from '@repo/train/backend-names';

export const INPUT_MODEL = 'model';
export const INPUT_MODELS = 'models';
export const INPUT_TOKEN = 'token';
export const INPUT_BUMP = 'bump';
export const INPUT_BACKEND = 'backend';

export const BACKENDS = BACKEND_PREFERENCES;
const BUMPS = ['auto', 'major', 'minor', 'patch'] as const;

export interface Inputs {
  readonly models: readonly string[];
  readonly token: string;
  /** `undefined` for `auto`: a pull request label, else the schema rule. */
  readonly bump: VersionBump | undefined;
  readonly backend: (typeof BACKENDS)[number];
}

function parseModels(read: InputReader): string[] {
  const model = optionalInput(read, INPUT_MODEL);
  const models = optionalInput(read, INPUT_MODELS);
  if (model !== undefined && models !== undefined) {
    throw new ActionInputError(
      `inputs "${INPUT_MODEL}" and "${INPUT_MODELS}" are both set: give one model or a JSON list`,
    );
  }
  if (model !== undefined) return [parseModelName(model, INPUT_MODEL)];
  if (models !== undefined) return parseModelList(models, INPUT_MODELS);
  throw new ActionInputError(`input "${INPUT_MODEL}" or "${INPUT_MODELS}" is required`);
}

/** Parses and validates every input of the action: `model` (one) or `models` (a JSON list). */
export function getInputs(read: InputReader = (name) => core.getInput(name)): Inputs {
  const bump = parseChoice(read(INPUT_BUMP).trim() || 'auto', INPUT_BUMP, BUMPS);
  return {
    models: parseModels(read),
    token: requiredInput(read, INPUT_TOKEN),
    bump: bump === 'auto' ? undefined : bump,
    backend: parseChoice(read(INPUT_BACKEND).trim() || 'auto', INPUT_BACKEND, BACKENDS),
  };
}
