/** One parameter's change, as in `dvc params diff --json`. `diff` only when both are numbers. */
export interface ParamDiffEntry {
  readonly old: unknown;
  readonly new: unknown;
  readonly diff?: number;
}

/** The shape of `dvc params diff --json`: params file → dotted key → change. */
export type ParamsDiff = Record<string, Record<string, ParamDiffEntry>>;

export interface ParamsDiffOptions {
  /** The params file the values live in. Default `params.yaml`. */
  readonly file?: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Flattens nested objects into dotted keys (`{ training: { learningRate: 0.01 } }` →
 * `{ "training.learningRate": 0.01 }`). Arrays and other values are leaves, as in DVC.
 */
export function flattenParams(
  params: Readonly<Record<string, unknown>>,
  prefix = '',
): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      Object.assign(flat, flattenParams(value, path));
    } else {
      flat[path] = value;
    }
  }
  return flat;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The parameters that differ between candidate and production, flattened to dotted keys, in
 * the shape of `dvc params diff --json`. A key on one side only has `null` on the other; with no
 * production every parameter is listed with `old: null`. Unchanged keys are left out, and so is
 * the file when nothing changed.
 */
export function paramsDiff(
  candidateParams: Readonly<Record<string, unknown>>,
  productionParams?: Readonly<Record<string, unknown>>,
  options: ParamsDiffOptions = {},
): ParamsDiff {
  const { file = 'params.yaml' } = options;
  const newFlat = flattenParams(candidateParams);
  const oldFlat = flattenParams(productionParams ?? {});
  const keys = [...new Set([...Object.keys(newFlat), ...Object.keys(oldFlat)])];
  const entries: Record<string, ParamDiffEntry> = {};
  for (const key of keys) {
    const oldValue = key in oldFlat ? oldFlat[key] : null;
    const newValue = key in newFlat ? newFlat[key] : null;
    if (sameValue(oldValue, newValue)) continue;
    entries[key] =
      typeof oldValue === 'number' && typeof newValue === 'number'
        ? { old: oldValue, new: newValue, diff: newValue - oldValue }
        : { old: oldValue ?? null, new: newValue ?? null };
  }
  return Object.keys(entries).length === 0 ? {} : { [file]: entries };
}
