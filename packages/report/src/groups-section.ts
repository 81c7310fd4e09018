import type { EvaluationResult, MetricValues } from './evaluation-result';
import { formatCount, formatNumber } from './format-number';
import type { GateResult } from './gate-spec';
import type { Alignment } from './markdown';
import { details, escapeHtml, markdownTable, untrustedText } from './markdown';
import { metricLabel } from './metrics-section';

function levelOrder(levels: [string, MetricValues][]): [string, MetricValues][] {
  return [...levels].sort(
    ([a, x], [b, y]) => (y.count ?? 0) - (x.count ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
  );
}

function groupTable(levels: [string, MetricValues][]): string {
  const metrics = [
    ...new Set(levels.flatMap(([, values]) => Object.keys(values).filter((m) => m !== 'count'))),
  ];
  const hasCount = levels.some(([, values]) => values.count !== undefined);
  const header = ['Level', ...(hasCount ? ['Rows'] : []), ...metrics.map(metricLabel)];
  const rows = levelOrder(levels).map(([level, values]) => [
    untrustedText(level),
    ...(hasCount ? [values.count === undefined ? '—' : formatCount(values.count)] : []),
    ...metrics.map((m) => {
      const v = values[m];
      return v === undefined ? '—' : formatNumber(v);
    }),
  ]);
  const gaps = metrics.map((m) => {
    const values = levels.flatMap(([, v]) => (v[m] === undefined ? [] : [v[m]]));
    return values.length < 2 ? '—' : formatNumber(Math.max(...values) - Math.min(...values));
  });
  rows.push(['**gap (max − min)**', ...(hasCount ? [''] : []), ...gaps]);
  const align = header.map((_, i): Alignment => (i === 0 ? 'left' : 'right'));
  return markdownTable(header, rows, align);
}

/**
 * One collapsible table per group column: the candidate's metrics for every level (largest
 * first) and the gap between levels. A column with a failed gate is shown expanded.
 */
export function groupsSection(candidate: EvaluationResult, gates: readonly GateResult[]): string {
  const columns = Object.entries(candidate.groups);
  if (columns.length === 0) return '';
  const parts = columns.map(([column, levels]) => {
    const entries = Object.entries(levels);
    const failed = gates.some(
      (r) => !r.passed && r.gate.type === 'max-group-gap' && r.gate.group === column,
    );
    const summary = `${failed ? '❌ ' : ''}By <code>${escapeHtml(column)}</code> (${entries.length} levels)`;
    return details(summary, groupTable(entries), failed);
  });
  return `### Metrics by group\n\n${parts.join('\n\n')}`;
}
