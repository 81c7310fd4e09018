import type { ColumnDriftResult, DatasetDriftResult } from '@repo/drift';
import { formatNumber, inlineCode, markdownTable } from '@repo/report';
import { percent } from './percent';

/** Drifted columns first, then by how far the score is past (or short of) its threshold. */
export function driftOrder(columns: readonly ColumnDriftResult[]): ColumnDriftResult[] {
  const margin = (c: ColumnDriftResult) =>
    c.scoreKind === 'p-value' ? c.threshold - c.score : c.score - c.threshold;
  return [...columns].sort(
    (a, b) =>
      Number(b.drifted) - Number(a.drifted) ||
      margin(b) - margin(a) ||
      (a.column < b.column ? -1 : 1),
  );
}

export function testName(c: ColumnDriftResult): string {
  const names: Record<string, string> = {
    ks: 'K-S p-value',
    chisquare: 'chi-square p-value',
    z: 'Z-test p-value',
    wasserstein: 'Wasserstein (normed)',
    jensenshannon: 'Jensen-Shannon distance',
    psi: 'PSI',
  };
  return names[c.method] ?? c.method;
}

export function newLevelsText(c: ColumnDriftResult, max = 3): string {
  const levels = c.details.newLevels;
  if (levels.length === 0) return '—';
  const shown = levels.slice(0, max).map((l) => `${l.level} (${l.count})`);
  return `${shown.join(', ')}${levels.length > max ? `, +${levels.length - max} more` : ''}`;
}

export const missingText = (c: ColumnDriftResult) =>
  `${percent(c.details.reference.missingRate)} → ${percent(c.details.current.missingRate)}`;

/** One row per column, drifted first: type, test, score, threshold, verdict, missing rates, new levels. */
export function columnTable(dataset: DatasetDriftResult): string {
  const rows = driftOrder(dataset.columns).map((c) => [
    inlineCode(c.column),
    c.kind,
    testName(c),
    formatNumber(c.score),
    `${c.scoreKind === 'p-value' ? '≤' : '≥'} ${formatNumber(c.threshold)}`,
    c.drifted ? '**drift**' : 'no drift',
    missingText(c),
    newLevelsText(c),
  ]);
  return markdownTable(
    [
      'Column',
      'Type',
      'Test',
      'Score',
      'Drift when',
      'Verdict',
      'Missing (reference → current)',
      'New categories',
    ],
    rows,
    ['left', 'left', 'left', 'right', 'right', 'left', 'right', 'left'],
  );
}
