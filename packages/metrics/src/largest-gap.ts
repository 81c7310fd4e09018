import { NoEligibleGroupsError, UnknownMetricError } from './errors';

/** The spread of one metric across groups. */
export interface GroupGap {
  readonly metric: string;
  /** `max.value − min.value` (0 when only one group is eligible). */
  readonly gap: number;
  readonly min: { readonly level: string; readonly value: number };
  readonly max: { readonly level: string; readonly value: number };
}

export interface LargestGapOptions {
  /** Groups with fewer rows are ignored (default 1). */
  readonly minCount?: number;
}

/**
 * The largest difference of `metric` between any two groups of `groupMetrics` output:
 *
 *   gap = max_g m(g) − min_g m(g)   over groups g with count(g) ≥ minCount and finite m(g)
 *
 * Groups whose value is NaN (e.g. ROC AUC of a single-class group) are ignored. On ties the
 * first group in key order wins.
 */
export function largestGap(
  byGroup: Readonly<Record<string, { readonly count: number }>>,
  metric: string,
  options: LargestGapOptions = {},
): GroupGap {
  const minCount = options.minCount ?? 1;
  let min: { level: string; value: number } | undefined;
  let max: { level: string; value: number } | undefined;
  for (const [level, group] of Object.entries(byGroup)) {
    const value = (group as unknown as Record<string, unknown>)[metric];
    if (typeof value !== 'number') {
      throw new UnknownMetricError(
        `largestGap: group "${level}" has no numeric metric "${metric}" (it has: ${Object.keys(group).join(', ')})`,
      );
    }
    if (group.count < minCount || !Number.isFinite(value)) continue;
    if (min === undefined || value < min.value) min = { level, value };
    if (max === undefined || value > max.value) max = { level, value };
  }
  if (min === undefined || max === undefined) {
    throw new NoEligibleGroupsError(
      `largestGap: no group has at least ${minCount} rows and a finite "${metric}" (groups: ${Object.keys(byGroup).join(', ') || 'none'})`,
    );
  }
  return { metric, gap: max.value - min.value, min, max };
}
