import type { CategoricalFeatureState, NumericFeatureState, PreprocessorState } from './state';

/** Marks a categorical value that is missing. */
export const MISSING_LEVEL = -1;
/** Marks a categorical value whose level was not seen in training. */
export const UNSEEN_LEVEL = -2;

export interface NumericSlot {
  readonly feature: NumericFeatureState;
  /** Column of the feature in a row of the output. */
  readonly offset: number;
}

export interface CategoricalSlot {
  readonly feature: CategoricalFeatureState;
  /** Column of the feature's first one-hot slot in a row of the output. */
  readonly offset: number;
  /** Training level → its index in `feature.levels`. */
  readonly levelIndex: ReadonlyMap<string, number>;
  /** One-hot slot (relative to `offset`) of a missing value, or -1 for none. */
  readonly missingSlot: number;
  /** One-hot slot (relative to `offset`) of an unseen level, or -1 for none. */
  readonly unseenSlot: number;
}

/** Where each feature writes in an output row; shared by the table and the records paths. */
export interface FeatureLayout {
  readonly width: number;
  readonly numeric: readonly NumericSlot[];
  readonly categorical: readonly CategoricalSlot[];
}

export function featureLayout(state: PreprocessorState): FeatureLayout {
  const numeric: NumericSlot[] = [];
  const categorical: CategoricalSlot[] = [];
  let offset = 0;
  for (const feature of state.features) {
    if (feature.kind === 'numeric') {
      numeric.push({ feature, offset });
      offset += 1;
      continue;
    }
    const levelIndex = new Map(feature.levels.map((level, i) => [level, i] as const));
    const unknownSlot = feature.missing === 'unknown' ? feature.levels.length : -1;
    const modeSlot =
      feature.imputeLevel === null ? -1 : (levelIndex.get(feature.imputeLevel) ?? -1);
    categorical.push({
      feature,
      offset,
      levelIndex,
      missingSlot: feature.missing === 'unknown' ? unknownSlot : modeSlot,
      unseenSlot: unknownSlot,
    });
    offset += feature.levels.length + (feature.missing === 'unknown' ? 1 : 0);
  }
  return { width: offset, numeric, categorical };
}

/** The standardized value of a numeric feature; NaN (missing) is imputed first. */
export function encodeNumeric(feature: NumericFeatureState, value: number): number {
  const v = Number.isNaN(value) ? feature.imputeValue : value;
  return (v - feature.mean) / feature.std;
}

/**
 * The one-hot slot (relative to the feature's offset) of a level index, `MISSING_LEVEL` or
 * `UNSEEN_LEVEL`; -1 when no slot is set (an unseen level under `missing: 'mode'`).
 */
export function categoricalSlot(slot: CategoricalSlot, level: number): number {
  if (level === MISSING_LEVEL) return slot.missingSlot;
  if (level === UNSEEN_LEVEL) return slot.unseenSlot;
  return level;
}
