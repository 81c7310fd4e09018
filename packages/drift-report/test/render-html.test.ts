import { describe, expect, it } from 'vitest';
import { chartBins, MAX_CHART_BINS, renderDriftHtml } from '../src/index';
import { reportFixture } from './fixtures';

describe('the HTML drift report', () => {
  it('is self-contained: inline SVG charts, no script, no http(s) resource', () => {
    const html = renderDriftHtml(reportFixture());
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toContain('<script');
    expect(html).toContain('Drift detected for 1 of 3 columns');
  });

  it('stays under 64 KB for a 1,000,000-row window: charts come from histograms, never rows', () => {
    const report = reportFixture(1_000_000);
    expect(report.lineage.currentRows).toBe(1_000_000);
    const html = renderDriftHtml(report);
    expect(Buffer.byteLength(html)).toBeLessThan(64 * 1024);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('caps a chart at a fixed number of bars, summing the rarest levels as "other"', () => {
    const levels = Array.from({ length: 40 }, (_, i) => `level-${i}`);
    const bins = chartBins({
      kind: 'categorical',
      levels,
      reference: levels.map((_, i) => i + 1),
      current: levels.map(() => 1),
    });
    expect(bins.labels).toHaveLength(MAX_CHART_BINS);
    expect(bins.labels.at(-1)).toBe('other (25)');
    expect(bins.reference.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});
