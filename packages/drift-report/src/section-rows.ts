import { formatCount, formatNumber, formatSigned } from '@repo/report';
import type { ConceptDrift, DriftLineage, DriftReportData, GroupDrift } from './drift-report-data';
import { percent } from './percent';

/** A table as plain text cells, for both the Markdown and the HTML renderer. */
export interface TextTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** What was compared: the release, both data versions, the window and the row counts. */
export function lineageTable(lineage: DriftLineage): TextTable {
  const window = lineage.window;
  return {
    header: ['', 'Reference', 'Current'],
    rows: [
      [
        'Source',
        `${lineage.releaseTag} training split (${lineage.referenceFrom === 'dvc' ? 'data version pulled from DVC' : 'rebuilt from profile.json'})`,
        lineage.currentSource,
      ],
      ['Data md5', lineage.referenceDataMd5, lineage.currentMd5],
      [
        'Rows',
        formatCount(lineage.referenceRows),
        `${formatCount(lineage.currentRows)} of ${formatCount(lineage.currentRowsRead)} read`,
      ],
      [
        'Window',
        '—',
        window === null ? 'every row' : `${window.column} ${window.from} … ${window.to}`,
      ],
    ],
  };
}

/** The concept-drift verdict in words. */
export function conceptSentence(c: ConceptDrift): string {
  const relative = c.release === 0 ? Number.NaN : (c.current - c.release) / Math.abs(c.release);
  const bound = c.direction === 'lower' ? c.interval.lower : c.interval.upper;
  const verdict = c.degraded
    ? `**degraded**: even the ${c.direction === 'lower' ? 'lower' : 'upper'} bound of the interval (${formatSigned(bound)}) is past the tolerance of ${percent(c.tolerance)}`
    : `within tolerance (${percent(c.tolerance)} of the release value)`;
  return `\`${c.metric}\` on the window is ${formatNumber(c.current)} against ${formatNumber(c.release)} at the release (${Number.isFinite(relative) ? formatSigned(relative * 100) : '—'}%): ${verdict}.`;
}

export function conceptTable(c: ConceptDrift): TextTable {
  const ci = `${Math.round(c.interval.confidence * 100)}% interval`;
  return {
    header: ['Metric', 'Release', 'Window', 'Difference', ci, 'Tolerance', 'Verdict'],
    rows: [
      [
        c.metric,
        formatNumber(c.release),
        formatNumber(c.current),
        formatSigned(c.interval.estimate),
        `${formatSigned(c.interval.lower)} … ${formatSigned(c.interval.upper)}`,
        percent(c.tolerance),
        c.degraded ? 'degraded' : 'ok',
      ],
    ],
  };
}

export function groupTable(g: GroupDrift): TextTable {
  return {
    header: [g.group, 'Rows', g.metric],
    rows: g.levels.map((l) => [l.level, formatCount(l.count), formatNumber(l.value)]),
  };
}

export function groupGapSentence(g: GroupDrift): string {
  if (g.gap === null) return `No level of \`${g.group}\` has enough rows for a gap.`;
  return `Largest gap of \`${g.metric}\` across \`${g.group}\`: ${formatNumber(g.gap.gap)} (${g.gap.min.level} ${formatNumber(g.gap.min.value)} … ${g.gap.max.level} ${formatNumber(g.gap.max.value)}).`;
}

export function retrainSentence(report: DriftReportData): string {
  return report.retrain.recommended
    ? `Retraining recommended (${report.retrain.reasons.join(', ')}): run \`mlops retrain ${report.model}\`, then \`mlops pipeline\`.`
    : 'No retraining needed by the policy.';
}
