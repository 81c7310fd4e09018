import type { DriftHistogram } from '@repo/drift';
import { formatNumber } from '@repo/report';

/** A histogram ready to draw: a label and the share of each side per bin. */
export interface ChartBins {
  readonly labels: readonly string[];
  /** Shares of the non-missing rows (0..1) per bin. */
  readonly reference: readonly number[];
  readonly current: readonly number[];
}

/** Charts show at most this many bars per side, whatever the data. */
export const MAX_CHART_BINS = 16;

const shares = (counts: readonly number[]): number[] => {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (total === 0 ? 0 : c / total));
};

/** Adjacent numeric bins summed in groups so at most `max` remain. */
function mergeNumeric(h: Extract<DriftHistogram, { kind: 'numeric' }>, max: number): ChartBins {
  const bins = h.reference.length;
  const step = Math.ceil(bins / max);
  const labels: string[] = [];
  const ref: number[] = [];
  const cur: number[] = [];
  for (let i = 0; i < bins; i += step) {
    const end = Math.min(bins, i + step);
    labels.push(`${formatNumber(h.edges[i] ?? 0)}–${formatNumber(h.edges[end] ?? 0)}`);
    ref.push(h.reference.slice(i, end).reduce((a, b) => a + b, 0));
    cur.push(h.current.slice(i, end).reduce((a, b) => a + b, 0));
  }
  return { labels, reference: shares(ref), current: shares(cur) };
}

/** The most frequent levels (both sides together), the rest summed as "other". */
function topLevels(h: Extract<DriftHistogram, { kind: 'categorical' }>, max: number): ChartBins {
  const order = h.levels
    .map((level, i) => ({ level, i, n: (h.reference[i] ?? 0) + (h.current[i] ?? 0) }))
    .sort((a, b) => b.n - a.n || a.i - b.i);
  const kept = order.slice(0, order.length > max ? max - 1 : max).sort((a, b) => a.i - b.i);
  const rest = order.slice(kept.length);
  const refShares = shares(h.reference);
  const curShares = shares(h.current);
  const sum = (s: number[], items: typeof rest) => items.reduce((a, x) => a + (s[x.i] ?? 0), 0);
  const labels = kept.map((k) => k.level);
  const reference = kept.map((k) => refShares[k.i] ?? 0);
  const current = kept.map((k) => curShares[k.i] ?? 0);
  if (rest.length > 0) {
    labels.push(`other (${rest.length})`);
    reference.push(sum(refShares, rest));
    current.push(sum(curShares, rest));
  }
  return { labels, reference, current };
}

/** The bars of a column's chart: numeric bins merged, categorical levels capped at `max`. */
export function chartBins(histogram: DriftHistogram, max = MAX_CHART_BINS): ChartBins {
  return histogram.kind === 'numeric' ? mergeNumeric(histogram, max) : topLevels(histogram, max);
}
