import { TASK_METRICS } from '@repo/config';
import { classificationMetrics, regressionMetrics } from '@repo/metrics';
import { describe, expect, it } from 'vitest';

describe('the metrics a gate may name', () => {
  it('are the metrics @repo/metrics computes for each task', () => {
    expect([...TASK_METRICS.regression].sort()).toEqual(
      Object.keys(regressionMetrics([1, 2, 3], [1, 2, 4])).sort(),
    );
    expect([...TASK_METRICS.classification].sort()).toEqual(
      Object.keys(classificationMetrics([0, 1, 1], [0.2, 0.7, 0.4])).sort(),
    );
  });
});
