import * as core from '@actions/core';
import {
  ActionInputError,
  type InputReader,
  optionalInput,
  parseChoice,
  parseModelName,
  requiredInput,
} from '@repo/action-common';
import { isSemver } from '@repo/registry';
import { BACKEND_PREFERENCES } from '@repo/train/backend-names';

export const INPUT_TOKEN = 'token';
export const INPUT_TAG = 'tag';
export const INPUT_MODEL = 'model';
export const INPUT_VERSION = 'version';
export const INPUT_ENVIRONMENT = 'environment';
export const INPUT_BACKEND = 'backend';

export const BACKENDS = BACKEND_PREFERENCES;

export interface Inputs {
  readonly token: string;
  readonly model: string;
  /** Without a leading `v`. */
  readonly version: string;
  readonly environment: string;
  readonly backend: (typeof BACKENDS)[number];
}

function parseVersion(value: string, name: string): string {
  const version = value.startsWith('v') ? value.slice(1) : value;
  if (!isSemver(version)) {
    throw new ActionInputError(
      `input "${name}" is "${value}"; expected a semantic version like 1.2.0`,
    );
  }
  return version;
}

/** Parses and validates every input of the action: `tag`, or `model` and `version`. */
export function getInputs(read: InputReader = (name) => core.getInput(name)): Inputs {
  const tag = optionalInput(read, INPUT_TAG);
  const modelInput = optionalInput(read, INPUT_MODEL);
  const versionInput = optionalInput(read, INPUT_VERSION);
  let model: string;
  let version: string;
  if (tag !== undefined) {
    if (modelInput !== undefined || versionInput !== undefined) {
      throw new ActionInputError(
        `input "${INPUT_TAG}" is set together with "${INPUT_MODEL}"/"${INPUT_VERSION}": give either the tag or the model and version`,
      );
    }
    const at = tag.lastIndexOf('@');
    if (at <= 0) {
      throw new ActionInputError(`input "${INPUT_TAG}" is "${tag}"; expected <model>@v<version>`);
    }
    model = parseModelName(tag.slice(0, at), INPUT_TAG);
    version = parseVersion(tag.slice(at + 1), INPUT_TAG);
  } else {
    if (modelInput === undefined && versionInput === undefined) {
      throw new ActionInputError(
        `input "${INPUT_TAG}" or inputs "${INPUT_MODEL}" and "${INPUT_VERSION}" are required`,
      );
    }
    model = parseModelName(requiredInput(read, INPUT_MODEL), INPUT_MODEL);
    version = parseVersion(requiredInput(read, INPUT_VERSION), INPUT_VERSION);
  }
  return {
    token: requiredInput(read, INPUT_TOKEN),
    model,
    version,
    environment: read(INPUT_ENVIRONMENT).trim() || 'production',
    backend: parseChoice(read(INPUT_BACKEND).trim() || 'auto', INPUT_BACKEND, BACKENDS),
  };
}
