import { formatNumber } from './format-number';
import { inlineCode } from './markdown';
import { metricDirection } from './metric-direction';

/** One released version's value of a metric. */
export interface MetricHistoryPoint {
  readonly version: string;
  readonly value: number;
}

export interface MetricHistoryChart {
  /** The mermaid `xychart-beta` block, fenced. */
  readonly mermaid: string;
  /** One italic sentence describing the chart, for above it. */
  readonly caption: string;
}

/** A number as mermaid accepts it (no exponent), 4 significant digits. */
function mermaidNumber(value: number): string {
  const rounded = Number(value.toPrecision(4));
  const text = String(rounded);
  if (!text.includes('e')) return text;
  return rounded.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * A mermaid `xychart-beta` line of `metric` over the released versions (oldest first, as
 * `releaseMetricHistory` returns them), followed by the candidate's value when given, so a
 * reviewer sees the trend the candidate continues. Points with non-finite values (which mermaid
 * cannot plot) are left out; `undefined` when no point remains.
 */
export function metricHistoryChart(
  metric: string,
  history: readonly MetricHistoryPoint[],
  candidate?: number,
): MetricHistoryChart | undefined {
  const points = history
    .filter((p) => Number.isFinite(p.value))
    .map((p) => ({ label: `v${p.version}`, value: p.value }));
  if (candidate !== undefined && Number.isFinite(candidate)) {
    points.push({ label: 'candidate', value: candidate });
  }
  if (points.length === 0) return undefined;
  const mermaid = [
    '```mermaid',
    'xychart-beta',
    `  title "${metric.replace(/"/g, "'")} over the last releases"`,
    `  x-axis [${points.map((p) => `"${p.label}"`).join(', ')}]`,
    `  y-axis "${metric.replace(/"/g, "'")}"`,
    `  line [${points.map((p) => mermaidNumber(p.value)).join(', ')}]`,
    '```',
  ].join('\n');
  const released = history.filter((p) => Number.isFinite(p.value)).length;
  const better = metricDirection(metric);
  const direction = better === undefined ? '' : `; ${better} is better`;
  const candidateText =
    candidate !== undefined && Number.isFinite(candidate)
      ? ` and the candidate (${formatNumber(candidate)})`
      : '';
  const caption = `_${inlineCode(metric)} of the last ${released} release${released === 1 ? '' : 's'}${candidateText}${direction}._`;
  return { mermaid, caption };
}
