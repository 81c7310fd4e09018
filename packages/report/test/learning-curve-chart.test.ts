import { describe, expect, it } from 'vitest';
import { downsampleIndices, learningCurveChart } from '../src/learning-curve-chart';

function lineValues(mermaid: string): number[][] {
  return [...mermaid.matchAll(/^ {2}line \[(.*)\]$/gm)].map((m) =>
    (m[1] ?? '').split(', ').map(Number),
  );
}

function xLabels(mermaid: string): string[] {
  const match = /x-axis "epoch" \[(.*)\]/.exec(mermaid);
  return (match?.[1] ?? '').split(', ').map((s) => s.replaceAll('"', ''));
}

describe('downsampleIndices', () => {
  it('keeps every index when there are few enough', () => {
    expect(downsampleIndices(4, 50)).toEqual([0, 1, 2, 3]);
  });

  it('spreads the chosen indices evenly and keeps the first and last', () => {
    const indices = downsampleIndices(1000, 50);
    expect(indices).toHaveLength(50);
    expect(indices[0]).toBe(0);
    expect(indices.at(-1)).toBe(999);
    expect(new Set(indices).size).toBe(50);
    const steps = indices.slice(1).map((v, i) => v - (indices[i] ?? 0));
    expect(Math.max(...steps) - Math.min(...steps)).toBeLessThanOrEqual(1);
  });
});

describe('learningCurveChart', () => {
  it('draws training and validation loss as two lines of an xychart-beta', () => {
    const chart = learningCurveChart({ loss: [1, 0.5, 0.25], valLoss: [1.2, 0.6, 0.4] });
    expect(chart?.mermaid.startsWith('```mermaid\n')).toBe(true);
    expect(chart?.mermaid.endsWith('\n```')).toBe(true);
    expect(chart?.mermaid).toContain('\nxychart-beta\n');
    expect(xLabels(chart?.mermaid ?? '')).toEqual(['1', '2', '3']);
    expect(lineValues(chart?.mermaid ?? '')).toEqual([
      [1, 0.5, 0.25],
      [1.2, 0.6, 0.4],
    ]);
    expect(chart?.caption).toContain('best validation loss 0.4 at epoch 3');
  });

  it('downsamples a long history to at most 50 points with matching epochs', () => {
    const loss = Array.from({ length: 500 }, (_, i) => 1 / (i + 1));
    const chart = learningCurveChart({ loss, valLoss: loss.map((v) => v * 2) });
    const mermaid = chart?.mermaid ?? '';
    const labels = xLabels(mermaid);
    const [train, validation] = lineValues(mermaid);
    expect(labels).toHaveLength(50);
    expect(train).toHaveLength(50);
    expect(validation).toHaveLength(50);
    expect(labels[0]).toBe('1');
    expect(labels.at(-1)).toBe('500');
    const epoch = Number(labels[10]);
    expect(train?.[10]).toBeCloseTo(1 / epoch, 6);
    expect(chart?.caption).toContain('50 of 500 epochs shown');
  });

  it('writes tiny losses without exponents, which mermaid cannot parse', () => {
    const chart = learningCurveChart({ loss: [1.5e-7, 2e-8], valLoss: [] });
    const line = /line \[(.*)\]/.exec(chart?.mermaid ?? '')?.[1] ?? '';
    expect(line).not.toMatch(/e/i);
    expect(line.split(', ').map(Number)).toEqual([1.5e-7, 2e-8]);
  });

  it('draws nothing without history or with non-finite losses', () => {
    expect(learningCurveChart({ loss: [], valLoss: [] })).toBeUndefined();
    expect(learningCurveChart({ loss: [1, Number.NaN], valLoss: [] })).toBeUndefined();
  });
});
