import type { ColumnDriftResult } from '@repo/drift';
import { formatNumber, markdownTable } from '@repo/report';
import { chartBins } from './chart-bins';
import { columnTable, driftOrder, testName } from './column-table';
import type { DriftReportData } from './drift-report-data';
import { headline } from './headline';
import { mermaidChart } from './mermaid-chart';
import {
  conceptSentence,
  conceptTable,
  groupGapSentence,
  groupTable,
  lineageTable,
  retrainSentence,
  type TextTable,
} from './section-rows';

const table = (t: TextTable) => markdownTable(t.header, t.rows);

function columnChart(c: ColumnDriftResult): string {
  const title = `${c.column}: % of rows per bin, reference (first bars) vs current (second bars)`;
  const summary = `${c.drifted ? '🔴' : '🟢'} <code>${c.column}</code>: ${testName(c)} ${formatNumber(c.score)}`;
  return `<details${c.drifted ? ' open' : ''}>\n<summary>${summary}</summary>\n\n${mermaidChart(title, chartBins(c.details.histogram))}\n\n</details>`;
}

function predictionSection(report: DriftReportData): string[] {
  const p = report.prediction;
  if (p === null) return ['## Prediction drift', '', 'Not measured (too few rows).'];
  return [
    '## Prediction drift',
    '',
    `The production model's predictions on the window against its predictions on the reference: ${testName(p)} ${formatNumber(p.score)} (drift when ${p.scoreKind === 'p-value' ? '≤' : '≥'} ${formatNumber(p.threshold)}): ${p.drifted ? '**drift**' : 'no drift'}.`,
    '',
    columnChart(p),
  ];
}

function conceptSection(report: DriftReportData): string[] {
  const c = report.concept;
  const lines = ['## Concept drift', ''];
  if (c === null)
    return [...lines, 'Not measured: the window has no target values (or too few rows).'];
  lines.push(conceptSentence(c), '', table(conceptTable(c)));
  for (const g of report.groups) lines.push('', groupGapSentence(g), '', table(groupTable(g)));
  return lines;
}

/**
 * The drift report as GitHub Markdown, readable on its own: the headline, the verdict per column
 * (drifted first) with a mermaid chart of both distributions, prediction drift, concept drift with
 * its interval and the group metrics, then the lineage of what was compared.
 */
export function renderDriftMarkdown(report: DriftReportData): string {
  const { lineage } = report;
  const lines = [
    `<!-- mlops-drift:${report.model} -->`,
    `# Drift report: ${report.model} (production ${lineage.releaseTag})`,
    '',
    `**${headline(report)}**`,
    '',
  ];
  for (const note of report.notes) lines.push(`> ${note}`, '');
  if (report.dataset !== null) {
    lines.push(retrainSentence(report), '', '## Columns', '', columnTable(report.dataset), '');
    for (const c of driftOrder(report.dataset.columns)) lines.push(columnChart(c), '');
    lines.push(...predictionSection(report), '', ...conceptSection(report), '');
  }
  lines.push('## What was compared', '', table(lineageTable(lineage)), '');
  return lines.join('\n');
}
