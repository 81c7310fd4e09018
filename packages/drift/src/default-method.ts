import { DEFAULT_DRIFT_RULES, type DriftMethod, type DriftRules } from './options';

/** What the default choice looks at. */
export interface ColumnProfile {
  readonly kind: 'numeric' | 'categorical';
  /** Non-missing reference values. */
  readonly referenceRows: number;
  /** Distinct non-missing values over reference and current together. */
  readonly distinctValues: number;
}

/**
 * The drift method Evidently picks for a column (`_get_default_stattest`), with its cut-offs
 * taken from `rules` (defaults: 1,000 rows, 5 and 2 distinct values):
 *
 * | reference rows | numeric, > 5 values | numeric, 3–5 values | categorical, > 2 values | ≤ 2 values |
 * | -------------- | ------------------- | ------------------- | ----------------------- | ---------- |
 * | ≤ 1,000        | ks                  | chisquare           | chisquare               | z          |
 * | > 1,000        | wasserstein         | jensenshannon       | jensenshannon           | jensenshannon |
 *
 * Distinct values are counted over both samples, as Evidently does (`nunique` of the
 * concatenation), so levels new in the current data count.
 */
export function defaultMethod(
  profile: ColumnProfile,
  rules: DriftRules = DEFAULT_DRIFT_RULES,
): DriftMethod {
  const many = profile.kind === 'numeric' && profile.distinctValues > rules.numericDistinctValues;
  if (profile.referenceRows <= rules.smallReferenceRows) {
    if (many) return 'ks';
    return profile.distinctValues > rules.binaryDistinctValues ? 'chisquare' : 'z';
  }
  return many ? 'wasserstein' : 'jensenshannon';
}
