import type { EvaluationResult } from './evaluation-result';
import { formatCount, formatDuration } from './format-number';
import { details, markdownTable, untrustedText } from './markdown';

type Cell = (result: EvaluationResult) => string;

/** Numbers as they are; any string from the candidate's files as inert code (see untrustedText). */
const text = (value: unknown): string =>
  value === undefined || value === null || value === ''
    ? '—'
    : typeof value === 'number'
      ? String(value)
      : untrustedText(String(value));

const code = (value: unknown): string => (text(value) === '—' ? '—' : untrustedText(String(value)));

const ROWS: [string, Cell][] = [
  ['Data md5', (r) => code(r.data.md5)],
  ['Rows', (r) => formatCount(r.data.rows)],
  ['Commit', (r) => code(r.lineage.gitCommit?.slice(0, 12))],
  ['Config hash', (r) => code(r.lineage.configHash?.slice(0, 12))],
  ['Backend', (r) => text(r.lineage.backend)],
  ['Seed', (r) => text(r.lineage.seed)],
  [
    'Training time',
    (r) => (r.lineage.trainingMs === undefined ? '—' : formatDuration(r.lineage.trainingMs)),
  ],
  [
    'Packages',
    (r) =>
      Object.entries(r.lineage.packages ?? {})
        .map(([name, version]) => untrustedText(`${name}@${version}`))
        .join(' ') || '—',
  ],
  ['Parent version', (r) => text(r.lineage.parentVersion)],
];

/** Data version and lineage of the candidate (and production, side by side), collapsed. */
export function lineageSection(
  candidate: EvaluationResult,
  production: EvaluationResult | undefined,
): string {
  const header = ['', 'Candidate', ...(production === undefined ? [] : ['Production'])];
  const rows = ROWS.map(([label, cell]) => [
    label,
    cell(candidate),
    ...(production === undefined ? [] : [cell(production)]),
  ]).filter((row) => row.slice(1).some((c) => c !== '—'));
  return `### Data and lineage\n\n${details('Data version, commit, configuration and training run', markdownTable(header, rows))}`;
}
