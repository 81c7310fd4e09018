import type { ModelConfig } from '@repo/config';
import { createRng, nextGaussian, type Table } from '@repo/tabular';
import { describe, expect, it } from 'vitest';
import { conceptDrift, groupDrift } from '../src/concept-drift';
import { retrainReasons } from '../src/retrain-policy';

/** n targets around 100 and predictions off by Gaussian noise of standard deviation `noise`. */
function sample(n: number, noise: number, seed = 7) {
  const rng = createRng(seed);
  const y = Float64Array.from({ length: n }, () => 100 + 10 * nextGaussian(rng));
  const yhat = Float64Array.from(y, (v) => v + noise * nextGaussian(rng));
  return { y, yhat };
}

const options = { metric: 'rmse', tolerance: 0.1, resamples: 400, confidence: 0.95, seed: 42 };

describe('concept drift', () => {
  it('is not degraded when the window metric is within the tolerance of the release value', () => {
    const { y, yhat } = sample(800, 5);
    const result = conceptDrift('regression', y, yhat, 5, options);
    expect(result.current).toBeGreaterThan(4.5);
    expect(result.current).toBeLessThan(5.5);
    expect(result.interval.lower).toBeLessThan(result.interval.estimate);
    expect(result.interval.upper).toBeGreaterThan(result.interval.estimate);
    expect(result.degraded).toBe(false);
  });

  it('is degraded only when the whole interval is past the tolerance in the worse direction', () => {
    const { y, yhat } = sample(800, 8);
    const worse = conceptDrift('regression', y, yhat, 5, options);
    expect(worse.interval.lower).toBeGreaterThan(0.1 * 5);
    expect(worse.degraded).toBe(true);
    // A small window: the same point estimate, an interval too wide to call it degraded.
    const few = sample(12, 5.9, 3);
    const unsure = conceptDrift('regression', few.y, few.yhat, 5, options);
    expect(unsure.interval.lower).toBeLessThanOrEqual(0.5);
    expect(unsure.degraded).toBe(false);
    // Better than at the release is never degraded.
    expect(conceptDrift('regression', y, yhat, 20, options).degraded).toBe(false);
  });

  it('gives the same interval for the same seed', () => {
    const { y, yhat } = sample(300, 6);
    expect(conceptDrift('regression', y, yhat, 5, options).interval).toEqual(
      conceptDrift('regression', y, yhat, 5, options).interval,
    );
  });

  it('measures each group level and the largest gap with the metric of the group gate', () => {
    const table: Table = {
      rowCount: 4,
      source: 't',
      columns: new Map([
        [
          'hood',
          {
            kind: 'categorical',
            name: 'hood',
            codes: Int32Array.from([0, 0, 1, 1]),
            levels: ['a', 'b'],
          },
        ],
      ]),
    };
    const config = {
      task: 'regression',
      groups: ['hood'],
      gates: [{ type: 'max-group-gap', metric: 'mae', group: 'hood', value: 1 }],
    } as unknown as ModelConfig;
    const [hood] = groupDrift(
      config,
      table,
      Float64Array.from([1, 1, 1, 1]),
      Float64Array.from([1, 2, 1, 5]),
      'rmse',
    );
    expect(hood?.metric).toBe('mae');
    expect(hood?.levels).toEqual([
      { level: 'a', count: 2, value: 0.5 },
      { level: 'b', count: 2, value: 2 },
    ]);
    expect(hood?.gap).toMatchObject({ gap: 1.5, min: { level: 'a' }, max: { level: 'b' } });
  });
});

describe('the retraining policy', () => {
  it('names the triggers the verdicts meet, in the order of the policy', () => {
    expect(retrainReasons(['dataset-drift', 'concept-degraded'], true, true, true)).toEqual([
      'dataset-drift',
      'concept-degraded',
    ]);
    expect(retrainReasons(['dataset-drift', 'concept-degraded'], false, true, false)).toEqual([]);
    expect(retrainReasons(['prediction-drift'], false, true, false)).toEqual(['prediction-drift']);
    expect(retrainReasons(['always'], false, false, false)).toEqual(['always']);
  });
});
