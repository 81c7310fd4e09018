import { FeatureColumnError } from './errors';
import {
  categoricalSlot,
  encodeNumeric,
  featureLayout,
  MISSING_LEVEL,
  UNSEEN_LEVEL,
} from './feature-layout';
import type { FeatureMatrix } from './feature-matrix';
import type { PreprocessorState } from './state';

/** One row as received when serving: column name → value; `null` is a missing value. */
export type FeatureRecord = Readonly<Record<string, number | string | null>>;

function describe(value: unknown): string {
  return typeof value === 'string'
    ? `the string ${JSON.stringify(value)}`
    : `${typeof value} ${String(value)}`;
}

/**
 * The serving path: turns records into model inputs with the same encoders as
 * `transformTable`, giving bit-identical floats for the same values. Every feature must be
 * present in every record (`null` for missing); numeric features take numbers, categorical
 * features strings.
 */
export function transformRecords(
  state: PreprocessorState,
  records: readonly FeatureRecord[],
): FeatureMatrix {
  const layout = featureLayout(state);
  const { width } = layout;
  const n = records.length;
  const x = new Float32Array(n * width);

  records.forEach((record, r) => {
    for (const slot of layout.numeric) {
      const name = slot.feature.name;
      const value: unknown = record[name];
      if (value !== null && typeof value !== 'number') {
        throw new FeatureColumnError(
          `record ${r}: numeric feature "${name}" is ${value === undefined ? 'absent (send null for a missing value)' : describe(value)}`,
          name,
        );
      }
      x[r * width + slot.offset] = encodeNumeric(slot.feature, value ?? Number.NaN);
    }
    for (const slot of layout.categorical) {
      const name = slot.feature.name;
      const value: unknown = record[name];
      if (value !== null && typeof value !== 'string') {
        throw new FeatureColumnError(
          `record ${r}: categorical feature "${name}" is ${value === undefined ? 'absent (send null for a missing value)' : describe(value)}`,
          name,
        );
      }
      const level = value === null ? MISSING_LEVEL : (slot.levelIndex.get(value) ?? UNSEEN_LEVEL);
      const hot = categoricalSlot(slot, level);
      if (hot >= 0) x[r * width + slot.offset + hot] = 1;
    }
  });
  return { x, width, rows: n };
}
