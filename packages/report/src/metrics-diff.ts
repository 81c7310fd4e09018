import type { MetricValues } from './evaluation-result';

/** One metric's change, as in `dvc metrics diff --json`: `diff` only when both sides are numbers. */
export interface MetricDiffEntry {
  readonly old: number | null;
  readonly new: number | null;
  readonly diff?: number;
}

/**
 * The shape of `dvc metrics diff --json`: metrics file → metric → change.
 * `{ "metrics.json": { "rmse": { "old": 0.5, "new": 0.48, "diff": -0.02 } } }`
 */
export type MetricsDiff = Record<string, Record<string, MetricDiffEntry>>;

export interface MetricsDiffOptions {
  /** The metrics file the values live in (the key DVC uses). Default `metrics.json`. */
  readonly file?: string;
  /**
   * Include unchanged metrics (DVC's `--all`). Default true, because the report lists every
   * metric; pass false for exactly DVC's default output.
   */
  readonly all?: boolean;
}

/**
 * Compares candidate metrics with production metrics the way `dvc metrics diff` compares two
 * revisions of a metrics file: `diff = new - old`; a metric missing on one side has `null` there
 * and no `diff` (so with no production every `old` is null). A file without entries is omitted.
 * Metrics appear in candidate order, then production-only metrics.
 */
export function metricsDiff(
  candidate: { readonly metrics: MetricValues },
  production?: { readonly metrics: MetricValues },
  options: MetricsDiffOptions = {},
): MetricsDiff {
  const { file = 'metrics.json', all = true } = options;
  const oldMetrics = production?.metrics ?? {};
  const names = [...new Set([...Object.keys(candidate.metrics), ...Object.keys(oldMetrics)])];
  const entries: Record<string, MetricDiffEntry> = {};
  for (const name of names) {
    const oldValue = oldMetrics[name] ?? null;
    const newValue = candidate.metrics[name] ?? null;
    if (!all && oldValue === newValue) continue;
    entries[name] =
      oldValue === null || newValue === null
        ? { old: oldValue, new: newValue }
        : { old: oldValue, new: newValue, diff: newValue - oldValue };
  }
  return Object.keys(entries).length === 0 ? {} : { [file]: entries };
}
