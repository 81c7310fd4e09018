/** What one benchmarked job took over its timed runs. */
export interface RunSummary {
  /** Median wall time of the timed runs, in milliseconds. */
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
  /** Largest resident set size seen while the runs went (bytes), or null when not measured. */
  readonly peakRssBytes: number | null;
}

/** Median and min of `times` (ms), which must not be empty. */
export function summarize(times: readonly number[], peakRssBytes: number | null): RunSummary {
  if (times.length === 0) throw new RangeError('summarize: no timed runs');
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { medianMs, minMs: sorted[0] as number, runs: sorted.length, peakRssBytes };
}
