import { chiSquareTest } from './chi-square';
import { zTestProportions } from './z-test-proportions';

/** A level of the current data that the reference never had. */
export interface NewLevel {
  readonly level: string;
  readonly count: number;
}

export interface DiscreteTestResult {
  readonly statistic: number;
  readonly pValue: number;
  /** Current levels absent from the reference, most frequent first; left out of the test. */
  readonly newLevels: readonly NewLevel[];
  /** Rows in new levels / non-missing current rows. */
  readonly newLevelRate: number;
}

/** Levels of `current` absent from `reference`, most frequent first, ties by label. */
export function newLevelsOf<K extends string | number>(
  reference: ReadonlyMap<K, number>,
  current: ReadonlyMap<K, number>,
): NewLevel[] {
  return [...current.entries()]
    .filter(([k, count]) => count > 0 && !reference.has(k))
    .map(([k, count]) => ({ level: String(k), count }))
    .sort((a, b) => b.count - a.count || (a.level < b.level ? -1 : 1));
}

export function total(counts: ReadonlyMap<unknown, number>): number {
  let sum = 0;
  for (const c of counts.values()) sum += c;
  return sum;
}

/**
 * Chi-square or Z-test over the levels seen in the reference (sorted by `compare`, as Evidently
 * sorts them for the Z-test: the first level against the rest). Current rows in levels the
 * reference never had cannot be given an expected share: they are left out of the test and
 * returned as `newLevels` instead. When every current row is in a new level the distributions
 * share nothing: statistic ∞, p-value 0.
 */
export function discreteTest<K extends string | number>(
  method: 'chisquare' | 'z',
  reference: ReadonlyMap<K, number>,
  current: ReadonlyMap<K, number>,
  compare: (a: K, b: K) => number,
): DiscreteTestResult {
  const keys = [...reference.keys()].sort(compare);
  const referenceCounts = keys.map((k) => reference.get(k) ?? 0);
  const currentCounts = keys.map((k) => current.get(k) ?? 0);
  const newLevels = newLevelsOf(reference, current);
  const newRows = newLevels.reduce((sum, l) => sum + l.count, 0);
  const currentTotal = total(current);
  const newLevelRate = newRows / currentTotal;
  const known = currentTotal - newRows;
  if (known === 0)
    return { statistic: Number.POSITIVE_INFINITY, pValue: 0, newLevels, newLevelRate };
  if (method === 'chisquare') {
    const r = chiSquareTest(referenceCounts, currentCounts);
    return { statistic: r.statistic, pValue: r.pValue, newLevels, newLevelRate };
  }
  const referenceTotal = total(reference);
  const r = zTestProportions(
    referenceTotal - (referenceCounts[0] ?? 0),
    referenceTotal,
    known - (currentCounts[0] ?? 0),
    known,
  );
  return { statistic: r.statistic, pValue: r.pValue, newLevels, newLevelRate };
}
