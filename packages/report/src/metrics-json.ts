import type { EvaluationResult } from './evaluation-result';

/**
 * The candidate's metrics as the `metrics.json` DVC tracks: a flat object with keys sorted,
 * 2-space indented, trailing newline. Non-finite values become `null` (JSON has no NaN).
 * `metricsDiff` of two evaluations equals `dvc metrics diff` of their `metrics.json` files.
 */
export function renderMetricsJson(candidate: Pick<EvaluationResult, 'metrics'>): string {
  const sorted: Record<string, number | null> = {};
  for (const key of Object.keys(candidate.metrics).sort()) {
    const value = candidate.metrics[key];
    sorted[key] = value !== undefined && Number.isFinite(value) ? value : null;
  }
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
