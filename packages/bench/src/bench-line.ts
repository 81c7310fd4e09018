import type { RunSummary } from './summary';

/** A baseline that could not run in this bench (a missing Python module, say), and why. */
export interface SkippedBaseline {
  readonly skipped: string;
}

export interface BaselineResult {
  readonly label: string;
  readonly summary: RunSummary;
}

export interface BenchLineOptions {
  /** The ratio the target allows (e.g. 1.0 for "at most PyTorch"): the line says met or MISSED. */
  readonly target?: number;
}

function ms(value: number): string {
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 1) return `${value.toFixed(2)} ms`;
  return `${(value * 1000).toFixed(1)} µs`;
}

function mib(bytes: number | null): string {
  return bytes === null ? 'n/a' : `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

/**
 * One line of bench output: median, min and runs, peak RSS, then the ratio of medians against
 * each baseline measured in the same run, or "baseline skipped (why)". Never a ratio against a
 * stored number.
 */
export function benchLine(
  label: string,
  summary: RunSummary,
  baselines: readonly (BaselineResult | SkippedBaseline)[] = [],
  options: BenchLineOptions = {},
): string {
  const head = `${label}: median ${ms(summary.medianMs)}, min ${ms(summary.minMs)} (${summary.runs} runs), peak RSS ${mib(summary.peakRssBytes)}`;
  const parts = baselines.map((baseline) => {
    if ('skipped' in baseline) return `baseline skipped (${baseline.skipped})`;
    const ratio = summary.medianMs / baseline.summary.medianMs;
    const verdict =
      options.target === undefined
        ? ''
        : ratio <= options.target
          ? ` target ≤ ${options.target.toFixed(2)}× met`
          : ` target ≤ ${options.target.toFixed(2)}× MISSED`;
    return `${ratio.toFixed(2)}× ${baseline.label} (median ${ms(baseline.summary.medianMs)}, peak RSS ${mib(baseline.summary.peakRssBytes)})${verdict}`;
  });
  return [head, ...parts].join(' | ');
}
