import { describe, expect, it } from 'vitest';
import { headline, renderDriftJson, renderDriftMarkdown } from '../src/index';
import { reportFixture } from './fixtures';

describe('the Markdown drift report', () => {
  it('opens with the headline counting the drifted columns', () => {
    const report = reportFixture();
    expect(report.dataset?.driftedColumns).toBe(1);
    expect(headline(report)).toBe(
      'Drift detected for 1 of 3 columns (33%): below the dataset drift share of 50.0%; rmse degraded',
    );
    expect(renderDriftMarkdown(report).split('\n').slice(0, 4)).toEqual([
      '<!-- mlops-drift:house-prices -->',
      '# Drift report: house-prices (production house-prices@v1.0.0)',
      '',
      `**${headline(report)}**`,
    ]);
  });

  it('says "No drift" when no column drifted and "Too few rows" without a verdict', () => {
    const report = reportFixture();
    const calm = {
      ...report,
      concept: null,
      dataset: report.dataset && {
        ...report.dataset,
        driftedColumns: 0,
        share: 0,
        drifted: false,
        columns: report.dataset.columns.map((c) => ({ ...c, drifted: false })),
      },
    };
    expect(headline(calm)).toBe('No drift: none of 3 columns drifted');
    const few = {
      ...report,
      status: 'too-few-rows' as const,
      dataset: null,
      lineage: { ...report.lineage, currentRows: 40 },
    };
    expect(headline(few)).toBe('Too few rows: 40 in the window, 100 needed for a verdict');
    expect(renderDriftMarkdown(few)).not.toContain('## Columns');
  });

  it('lists drifted columns first, each with type, test, score, threshold, missing rates and a mermaid chart', () => {
    const markdown = renderDriftMarkdown(reportFixture());
    const rows = markdown.split('\n').filter((line) => /^\| `/.test(line));
    expect(rows[0]).toMatch(
      /^\| `size` \| numeric \| Wasserstein \(normed\) \| .* \| ≥ 0\.1 \| \*\*drift\*\* \| 0\.0% → 0\.0% \| — \|$/,
    );
    expect(rows.slice(1).every((row) => row.includes('| no drift |'))).toBe(true);
    expect(markdown.indexOf('<code>size</code>')).toBeLessThan(
      markdown.indexOf('<code>stable</code>'),
    );
    expect(markdown).toContain('```mermaid\nxychart-beta\n  title "size:');
    expect(markdown).toContain('**degraded**');
    expect(markdown).toContain('Largest gap of `mape` across `hood`: 0.2 (a 0.1 … b 0.3).');
    expect(markdown).toContain(
      '| Data md5 | 4c6fdb71ccd1aa4bd6f1f8e2eed986a0.dir | d686248049a83953d34cdca22523ff7a |',
    );
    expect(markdown).not.toMatch(/!\[|https?:\/\//);
  });

  it('writes every number as JSON, non-finite ones by name', () => {
    const report = reportFixture();
    const withInfinity = {
      ...report,
      concept: report.concept && { ...report.concept, current: Number.POSITIVE_INFINITY },
    };
    const parsed = JSON.parse(renderDriftJson(withInfinity));
    expect(parsed.concept.current).toBe('Infinity');
    expect(parsed.dataset.columns[0].score).toBe(report.dataset?.columns[0]?.score);
  });
});
