import { describe, expect, it } from 'vitest';
import { metricHistoryChart } from '../src/metric-history-chart';

function line(mermaid: string): number[] {
  const match = /^ {2}line \[(.*)\]$/m.exec(mermaid);
  return (match?.[1] ?? '').split(', ').map(Number);
}

function labels(mermaid: string): string[] {
  const match = /x-axis \[(.*)\]/.exec(mermaid);
  return (match?.[1] ?? '').split(', ').map((s) => s.replaceAll('"', ''));
}

describe('metricHistoryChart', () => {
  const history = [
    { version: '1.0.0', value: 41234.5678 },
    { version: '1.1.0', value: 39876.1234 },
  ];

  it('plots the releases oldest first and the candidate last as one xychart-beta line', () => {
    const chart = metricHistoryChart('rmse', history, 38000.04);
    expect(chart?.mermaid.startsWith('```mermaid\nxychart-beta\n')).toBe(true);
    expect(chart?.mermaid.endsWith('\n```')).toBe(true);
    expect(labels(chart?.mermaid ?? '')).toEqual(['v1.0.0', 'v1.1.0', 'candidate']);
    const values = line(chart?.mermaid ?? '');
    expect(values).toHaveLength(3);
    expect(values[0]).toBeCloseTo(41230, 6);
    expect(values[1]).toBeCloseTo(39880, 6);
    expect(values[2]).toBeCloseTo(38000, 6);
  });

  it('says how many releases are shown and which direction is better', () => {
    const chart = metricHistoryChart('rmse', history, 38000);
    expect(chart?.caption).toBe(
      '_`rmse` of the last 2 releases and the candidate (38,000); lower is better._',
    );
    expect(metricHistoryChart('r2', [{ version: '1.0.0', value: 0.8 }])?.caption).toBe(
      '_`r2` of the last 1 release; higher is better._',
    );
  });

  it('writes small values without exponents, which mermaid cannot parse', () => {
    const chart = metricHistoryChart('mae', [{ version: '2.0.0', value: 0.000012345 }]);
    expect(chart?.mermaid).not.toMatch(/line \[.*e/);
    expect(line(chart?.mermaid ?? '')[0]).toBeCloseTo(0.00001234, 7);
  });

  it('leaves out non-finite values and returns undefined when nothing can be plotted', () => {
    const chart = metricHistoryChart('rmse', [
      { version: '1.0.0', value: Number.NaN },
      { version: '1.1.0', value: 2 },
    ]);
    expect(labels(chart?.mermaid ?? '')).toEqual(['v1.1.0']);
    expect(metricHistoryChart('rmse', [], Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(metricHistoryChart('rmse', [])).toBeUndefined();
  });
});
