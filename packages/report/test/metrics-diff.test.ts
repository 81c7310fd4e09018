import { describe, expect, it } from 'vitest';
import { metricsDiff } from '../src/metrics-diff';

describe('metricsDiff', () => {
  it('has the shape of dvc metrics diff --json: file, metric, old/new/diff', () => {
    const diff = metricsDiff(
      { metrics: { rmse: 0.48, r2: 0.8 } },
      { metrics: { rmse: 0.5, r2: 0.8 } },
    );
    expect(Object.keys(diff)).toEqual(['metrics.json']);
    expect(diff['metrics.json']?.rmse?.old).toBe(0.5);
    expect(diff['metrics.json']?.rmse?.new).toBe(0.48);
    expect(diff['metrics.json']?.rmse?.diff).toBeCloseTo(-0.02, 12);
    expect(diff['metrics.json']?.r2).toEqual({ old: 0.8, new: 0.8, diff: 0 });
  });

  it('sets old to null and leaves out diff for every metric when there is no production', () => {
    expect(metricsDiff({ metrics: { rmse: 0.48, r2: 0.8 } })).toEqual({
      'metrics.json': { rmse: { old: null, new: 0.48 }, r2: { old: null, new: 0.8 } },
    });
  });

  it('lists metrics only production has with new set to null', () => {
    const diff = metricsDiff({ metrics: { rmse: 1 } }, { metrics: { rmse: 1, mape: 0.1 } });
    expect(diff['metrics.json']?.mape).toEqual({ old: 0.1, new: null });
  });

  it('drops unchanged metrics and empty files like DVC does without --all', () => {
    const same = { metrics: { rmse: 1, r2: 0.5 } };
    expect(metricsDiff(same, same, { all: false })).toEqual({});
    expect(
      metricsDiff({ metrics: { rmse: 2, r2: 0.5 } }, same, {
        all: false,
        file: 'eval/metrics.json',
      }),
    ).toEqual({ 'eval/metrics.json': { rmse: { old: 1, new: 2, diff: 1 } } });
  });
});
