import { describe, expect, it } from 'vitest';
import { metricsDiff } from '../src/metrics-diff';
import { renderMetricsJson } from '../src/metrics-json';

describe('renderMetricsJson', () => {
  it('writes a flat JSON object with sorted keys and a trailing newline', () => {
    expect(renderMetricsJson({ metrics: { rmse: 0.5, mae: 0.3, r2: 0.9 } })).toBe(
      '{\n  "mae": 0.3,\n  "r2": 0.9,\n  "rmse": 0.5\n}\n',
    );
  });

  it('writes non-finite values as null', () => {
    expect(JSON.parse(renderMetricsJson({ metrics: { rmse: Number.NaN } }))).toEqual({
      rmse: null,
    });
  });

  it('round-trips into the same metricsDiff keys', () => {
    const metrics = { rmse: 0.5, r2: 0.9 };
    const parsed = JSON.parse(renderMetricsJson({ metrics })) as Record<string, number>;
    expect(metricsDiff({ metrics: parsed }, { metrics })).toEqual(
      metricsDiff({ metrics }, { metrics }),
    );
  });
});
