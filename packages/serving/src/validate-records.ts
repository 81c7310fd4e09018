import type { FeatureRecord, PreprocessorState } from '@repo/features';
import { InvalidRecordError } from './errors';

function describe(value: unknown): string {
  if (value === undefined) return 'absent (send null for a missing value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${value === null ? 'null' : typeof value} ${typeof value === 'object' ? '' : String(value)}`.trim();
}

/**
 * Checks that `records` are what the model's preprocessing reads: a list of objects holding every
 * feature, numeric features as finite numbers, categorical features as strings, `null` for a
 * missing value. Keys that are not features are ignored. Throws `InvalidRecordError` naming the
 * first offending record (0-based) and field.
 */
export function validateRecords(
  state: PreprocessorState,
  records: unknown,
): asserts records is FeatureRecord[] {
  if (!Array.isArray(records)) {
    throw new InvalidRecordError(
      `records must be a list of objects, not ${describe(records)}`,
      -1,
      '',
    );
  }
  records.forEach((record: unknown, index) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw new InvalidRecordError(
        `record ${index} must be an object of feature values, not ${describe(record)}`,
        index,
        '',
      );
    }
    const values = record as Record<string, unknown>;
    for (const feature of state.features) {
      const value = Object.hasOwn(values, feature.name) ? values[feature.name] : undefined;
      if (value === null) continue;
      const ok =
        feature.kind === 'numeric'
          ? typeof value === 'number' && Number.isFinite(value)
          : typeof value === 'string';
      if (!ok) {
        const expected = feature.kind === 'numeric' ? 'a finite number' : 'a string';
        throw new InvalidRecordError(
          `record ${index}: ${feature.kind} feature "${feature.name}" must be ${expected} or null, but is ${describe(value)}`,
          index,
          feature.name,
        );
      }
    }
  });
}

/** What a record may hold for one feature beyond its type: its declared range or known levels. */
export interface FeatureRule {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  /** Declared bounds of a numeric feature (inclusive); absent when `model.yaml` declares none. */
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  /** The levels a categorical feature was trained on. */
  readonly levels?: ReadonlySet<string> | undefined;
}

/** A value the model was not trained for, reported with the prediction (or rejected). */
export interface RecordWarning {
  readonly field: string;
  readonly kind: 'out-of-range' | 'unseen-category';
  readonly message: string;
}

/**
 * The rules of each feature of `state`, with the ranges of `ranges` (the input schema of
 * `training.json`, whose fields carry the `min`/`max` of `model.yaml`). Built once per model.
 */
export function featureRules(
  state: PreprocessorState,
  ranges: readonly { readonly name: string; readonly min?: number; readonly max?: number }[],
): FeatureRule[] {
  return state.features.map((feature): FeatureRule => {
    if (feature.kind === 'categorical') {
      return { name: feature.name, kind: 'categorical', levels: new Set(feature.levels) };
    }
    const range = ranges.find((field) => field.name === feature.name);
    return { name: feature.name, kind: 'numeric', min: range?.min, max: range?.max };
  });
}

/** Whether `value` (already type-checked) is one the model was trained for. */
function withinRule(rule: FeatureRule, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (rule.kind === 'categorical') return rule.levels?.has(value as string) ?? true;
  return !(
    (value as number) < (rule.min ?? -Infinity) || (value as number) > (rule.max ?? Infinity)
  );
}

function warningFor(rule: FeatureRule, value: unknown): RecordWarning {
  if (rule.kind === 'categorical') {
    return {
      field: rule.name,
      kind: 'unseen-category',
      message: `"${rule.name}" is ${JSON.stringify(value)}, a category not seen in training`,
    };
  }
  return {
    field: rule.name,
    kind: 'out-of-range',
    message: `"${rule.name}" is ${value as number}, outside the declared range [${rule.min ?? '-∞'}, ${rule.max ?? '∞'}]`,
  };
}

/**
 * The warnings of each record (a list per record, aligned with `records`), or `undefined` when
 * no record has any. `records` must have passed `validateRecords`.
 */
export function findWarnings(
  rules: readonly FeatureRule[],
  records: readonly FeatureRecord[],
): RecordWarning[][] | undefined {
  const checked = rules.filter(
    (rule) => rule.levels !== undefined || rule.min !== undefined || rule.max !== undefined,
  );
  let found: RecordWarning[][] | undefined;
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as FeatureRecord;
    for (const rule of checked) {
      const value = record[rule.name];
      if (withinRule(rule, value)) continue;
      found ??= records.map(() => []);
      found[index]?.push(warningFor(rule, value));
    }
  }
  return found;
}
