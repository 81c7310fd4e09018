import type { ColumnDriftResult } from '@repo/drift';
import { escapeHtml, formatNumber } from '@repo/report';
import { chartBins } from './chart-bins';
import { driftOrder, missingText, newLevelsText, testName } from './column-table';
import type { DriftReportData } from './drift-report-data';
import { headline } from './headline';
import {
  conceptSentence,
  conceptTable,
  groupGapSentence,
  groupTable,
  lineageTable,
  retrainSentence,
  type TextTable,
} from './section-rows';
import { svgChart } from './svg-chart';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1000px;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}
.drift{color:#b00;font-weight:600}.ref{fill:#aaa}.cur{fill:#2a6fdb}svg text{font-size:10px;fill:#555}
.charts{display:flex;flex-wrap:wrap;gap:12px}.chart{border:1px solid #eee;padding:6px}`;

/** Markdown-ish inline text (`code`, **bold**) as escaped HTML. */
function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}

function htmlTable(t: TextTable): string {
  const head = `<tr>${t.header.map((h) => `<th>${inline(h)}</th>`).join('')}</tr>`;
  const body = t.rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`);
  return `<table>${head}${body.join('')}</table>`;
}

function columnRows(columns: readonly ColumnDriftResult[]): TextTable {
  return {
    header: [
      'Column',
      'Type',
      'Test',
      'Score',
      'Drift when',
      'Verdict',
      'Missing (reference → current)',
      'New categories',
    ],
    rows: columns.map((c) => [
      `\`${c.column}\``,
      c.kind,
      testName(c),
      formatNumber(c.score),
      `${c.scoreKind === 'p-value' ? '≤' : '≥'} ${formatNumber(c.threshold)}`,
      c.drifted ? '**drift**' : 'no drift',
      missingText(c),
      newLevelsText(c),
    ]),
  };
}

function chart(c: ColumnDriftResult): string {
  const title = `${c.column}: ${testName(c)} ${formatNumber(c.score)}`;
  return `<div class="chart"><div class="${c.drifted ? 'drift' : ''}">${escapeHtml(title)}</div>${svgChart(title, chartBins(c.details.histogram))}</div>`;
}

function body(report: DriftReportData): string[] {
  const out: string[] = [];
  if (report.dataset === null) return out;
  const ordered = driftOrder(report.dataset.columns);
  out.push(
    `<p>${inline(retrainSentence(report))}</p>`,
    '<h2>Columns</h2>',
    htmlTable(columnRows(ordered)),
  );
  out.push('<p>Grey: reference, blue: current (share of non-missing rows per bin).</p>');
  out.push(`<div class="charts">${ordered.map(chart).join('')}</div>`, '<h2>Prediction drift</h2>');
  out.push(
    report.prediction === null
      ? '<p>Not measured.</p>'
      : `<div class="charts">${chart(report.prediction)}</div>`,
  );
  out.push('<h2>Concept drift</h2>');
  const c = report.concept;
  if (c === null) out.push('<p>Not measured: the window has no target values.</p>');
  else out.push(`<p>${inline(conceptSentence(c))}</p>`, htmlTable(conceptTable(c)));
  for (const g of report.groups)
    out.push(`<p>${inline(groupGapSentence(g))}</p>`, htmlTable(groupTable(g)));
  return out;
}

/**
 * The drift report as one self-contained HTML page: inline CSS and SVG charts drawn from the
 * histograms (never from rows, so the size is bounded by the columns and bins), no script, no
 * external resource.
 */
export function renderDriftHtml(report: DriftReportData): string {
  const title = `Drift report: ${report.model} (production ${report.lineage.releaseTag})`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="${report.status === 'drift' ? 'drift' : ''}">${escapeHtml(headline(report))}</p>`,
    ...report.notes.map((n) => `<blockquote>${inline(n)}</blockquote>`),
    ...body(report),
    '<h2>What was compared</h2>',
    htmlTable(lineageTable(report.lineage)),
    '</body></html>',
    '',
  ].join('\n');
}
