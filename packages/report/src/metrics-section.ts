import type { EvaluationResult } from './evaluation-result';
import { formatNumber, formatPercent, formatSigned } from './format-number';
import { inlineCode, markdownTable } from './markdown';
import { metricDirection } from './metric-direction';
import type { MetricDiffEntry, MetricsDiff } from './metrics-diff';

/** The metric's name with its better direction: `` `rmse` ↓ ``. */
export function metricLabel(metric: string): string {
  const direction = metricDirection(metric);
  const arrow = direction === 'lower' ? ' ↓' : direction === 'higher' ? ' ↑' : '';
  return `${inlineCode(metric)}${arrow}`;
}

/** `▼ better` / `▲ worse` / `▲` (direction unknown) / `=` for a change of a metric. */
export function changeVerdict(metric: string, diff: number): string {
  if (diff === 0) return '=';
  const arrow = diff > 0 ? '▲' : '▼';
  const direction = metricDirection(metric);
  if (direction === undefined) return arrow;
  const better = direction === 'lower' ? diff < 0 : diff > 0;
  return better ? `${arrow} better` : `**${arrow} worse**`;
}

function entriesByMetric(diff: MetricsDiff): Map<string, MetricDiffEntry> {
  const entries = new Map<string, MetricDiffEntry>();
  for (const file of Object.values(diff)) {
    for (const [metric, entry] of Object.entries(file)) entries.set(metric, entry);
  }
  return entries;
}

const value = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : formatNumber(v);

/**
 * The metrics table: production, candidate, Δ with its direction and whether that is better,
 * and Δ% relative to production. Values come from `diff` (the `dvc metrics diff` shape) and,
 * for metrics it leaves out as unchanged, from the evaluations.
 */
export function metricsSection(
  candidate: EvaluationResult,
  production: EvaluationResult | undefined,
  diff: MetricsDiff,
): string {
  const entries = entriesByMetric(diff);
  const names = [
    ...new Set([
      ...Object.keys(candidate.metrics),
      ...Object.keys(production?.metrics ?? {}),
      ...entries.keys(),
    ]),
  ];
  if (names.length === 0) return '### Metrics\n\n_No metrics were computed._';
  const legend = '<sub>↓ lower is better · ↑ higher is better</sub>';
  if (production === undefined) {
    const rows = names.map((name) => [
      metricLabel(name),
      value(entries.get(name)?.new ?? candidate.metrics[name]),
    ]);
    return `### Metrics\n\n${markdownTable(['Metric', 'Candidate'], rows, ['left', 'right'])}\n\n${legend}`;
  }
  const rows = names.map((name) => {
    const entry = entries.get(name);
    const oldValue = entry?.old ?? production.metrics[name] ?? null;
    const newValue = entry?.new ?? candidate.metrics[name] ?? null;
    const delta =
      entry?.diff ?? (oldValue !== null && newValue !== null ? newValue - oldValue : null);
    const deltaCell = delta === null ? '—' : `${formatSigned(delta)} ${changeVerdict(name, delta)}`;
    const percent =
      delta === null || oldValue === null || oldValue === 0
        ? '—'
        : formatPercent(delta / Math.abs(oldValue));
    return [metricLabel(name), value(oldValue), value(newValue), deltaCell, percent];
  });
  const table = markdownTable(['Metric', 'Production', 'Candidate', 'Δ', 'Δ%'], rows, [
    'left',
    'right',
    'right',
    'right',
    'right',
  ]);
  return `### Metrics\n\n${table}\n\n<sub>↓ lower is better · ↑ higher is better · Δ = candidate − production, Δ% relative to production</sub>`;
}
