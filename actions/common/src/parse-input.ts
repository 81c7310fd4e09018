import { assertModelName, InvalidModelNameError } from '@repo/registry';
import { ActionInputError } from './errors';

/** Reads one action input by its `action.yml` name (`core.getInput` in `getInputs`, a map in tests). */
export type InputReader = (name: string) => string;

/** The trimmed value of `name`; `ActionInputError` when it is empty. */
export function requiredInput(read: InputReader, name: string): string {
  const value = read(name).trim();
  if (value === '') throw new ActionInputError(`input "${name}" is required but was empty`);
  return value;
}

/** The trimmed value of `name`, or `undefined` when it is empty. */
export function optionalInput(read: InputReader, name: string): string | undefined {
  const value = read(name).trim();
  return value === '' ? undefined : value;
}

/** A model name (a folder under `models/`, the first part of the release tag). */
export function parseModelName(value: string, name: string): string {
  try {
    assertModelName(value);
  } catch (cause) {
    if (!(cause instanceof InvalidModelNameError)) throw cause;
    throw new ActionInputError(`input "${name}": ${cause.message}`, { cause });
  }
  return value;
}

/** One of `choices`. */
export function parseChoice<const T extends string>(
  value: string,
  name: string,
  choices: readonly T[],
): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new ActionInputError(
      `input "${name}" is "${value}"; expected one of ${choices.map((c) => `"${c}"`).join(', ')}`,
    );
  }
  return value as T;
}

/** `true`/`false` as YAML 1.2 core schema spells them (what `core.getBooleanInput` accepts). */
export function parseBoolean(value: string, name: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new ActionInputError(`input "${name}" is "${value}"; expected true or false`);
}

/** A positive integer written in decimal digits (a pull request number). */
export function parsePositiveInteger(value: string, name: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(value)) {
    throw new ActionInputError(`input "${name}" is "${value}"; expected a positive integer`);
  }
  return Number(value);
}

/** A full 40-hex-digit commit sha (lowercased). */
export function parseCommitSha(value: string, name: string): string {
  if (!/^[0-9a-fA-F]{40}$/.test(value)) {
    throw new ActionInputError(`input "${name}" is "${value}"; expected a 40-character commit sha`);
  }
  return value.toLowerCase();
}

/** A JSON array of model names (`["house-prices"]`), as `changed-models` outputs it. */
export function parseModelList(value: string, name: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (cause) {
    throw new ActionInputError(
      `input "${name}" is not JSON: expected an array of model names like ["house-prices"]`,
      { cause },
    );
  }
  if (!Array.isArray(parsed) || parsed.some((item) => typeof item !== 'string')) {
    throw new ActionInputError(
      `input "${name}" must be a JSON array of model names like ["house-prices"]`,
    );
  }
  return [...new Set(parsed.map((item: string) => parseModelName(item, name)))];
}
