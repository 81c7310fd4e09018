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
