import { describe, expect, it } from 'vitest';
import { UnknownGroupError, UnknownMetricDirectionError, UnknownMetricError } from '../src/errors';
import { evaluateGates } from '../src/evaluate-gates';
import type { GateSpec } from '../src/gate-spec';

const one = (
  gate: GateSpec,
  candidate: Record<string, number>,
  production?: Record<string, number>,
) => {
  const [result] = evaluateGates(
    [gate],
    { metrics: candidate },
    production === undefined ? undefined : { metrics: production },
  );
  if (result === undefined) throw new Error('one gate gives one result');
  return result;
};

describe('evaluateGates: no-regression', () => {
  const rmseGate: GateSpec = { type: 'no-regression', metric: 'rmse', tolerance: 0.02 };
  const r2Gate: GateSpec = { type: 'no-regression', metric: 'r2', tolerance: 0.02 };

  it('passes a lower-is-better metric that rose by less than the tolerance', () => {
    const result = one(rmseGate, { rmse: 0.509 }, { rmse: 0.5 });
    expect(result.passed).toBe(true);
    expect(result.threshold).toBeCloseTo(0.51, 12);
    expect(result.actual).toBe(0.509);
  });

  it('passes a value exactly at the limit despite floating-point rounding', () => {
    expect(one(rmseGate, { rmse: 0.51 }, { rmse: 0.5 }).passed).toBe(true);
  });

  it('fails a lower-is-better metric that rose by more than the tolerance', () => {
    const result = one(rmseGate, { rmse: 0.53 }, { rmse: 0.5 });
    expect(result.passed).toBe(false);
    expect(result.reason).toMatch(/worse by more than the 2% tolerance/);
    expect(result.reason).toContain('+6.0%');
  });

  it('treats a drop of a higher-is-better metric as the regression', () => {
    expect(one(r2Gate, { r2: 0.79 }, { r2: 0.8 }).passed).toBe(true);
    const failed = one(r2Gate, { r2: 0.7 }, { r2: 0.8 });
    expect(failed.passed).toBe(false);
    expect(failed.threshold).toBeCloseTo(0.784, 12);
    expect(one(r2Gate, { r2: 0.95 }, { r2: 0.8 }).passed).toBe(true);
  });

  it('does not treat a large improvement of a lower-is-better metric as a regression', () => {
    expect(one(rmseGate, { rmse: 0.1 }, { rmse: 0.5 }).passed).toBe(true);
  });

  it('passes when there is no production model, saying so', () => {
    const result = one(rmseGate, { rmse: 9 });
    expect(result).toMatchObject({
      passed: true,
      actual: 9,
      threshold: null,
      reason: 'no production model to compare with',
    });
  });

  it('passes when production lacks the metric', () => {
    expect(one(rmseGate, { rmse: 9 }, { mae: 1 })).toMatchObject({ passed: true, threshold: null });
  });

  it('refuses a metric whose better direction is unknown', () => {
    expect(() =>
      one({ type: 'no-regression', metric: 'count', tolerance: 0 }, { count: 1 }, { count: 1 }),
    ).toThrow(UnknownMetricDirectionError);
  });

  it('fails on a NaN metric', () => {
    expect(one(rmseGate, { rmse: Number.NaN }, { rmse: 0.5 }).passed).toBe(false);
  });
});

describe('evaluateGates: min and max', () => {
  it('passes a metric at or above the minimum and fails one below it', () => {
    const gate: GateSpec = { type: 'min', metric: 'r2', value: 0.7 };
    expect(one(gate, { r2: 0.7 }).passed).toBe(true);
    expect(one(gate, { r2: 0.75 })).toMatchObject({ passed: true, actual: 0.75, threshold: 0.7 });
    const failed = one(gate, { r2: 0.65 });
    expect(failed.passed).toBe(false);
    expect(failed.reason).toBe('0.65 is below the minimum 0.7');
  });

  it('passes a metric at or below the maximum and fails one above it', () => {
    const gate: GateSpec = { type: 'max', metric: 'latency_p95_ms', value: 50 };
    expect(one(gate, { latency_p95_ms: 12 }).passed).toBe(true);
    expect(one(gate, { latency_p95_ms: 50 }).passed).toBe(true);
    expect(one(gate, { latency_p95_ms: 51 })).toMatchObject({
      passed: false,
      reason: '51 exceeds the maximum 50',
    });
  });

  it('ignores production for absolute bounds', () => {
    const gate: GateSpec = { type: 'max', metric: 'rmse', value: 1 };
    expect(one(gate, { rmse: 0.9 }, { rmse: 0.1 }).passed).toBe(true);
  });
});

describe('evaluateGates: max-group-gap', () => {
  const groups = {
    ocean: {
      INLAND: { count: 10, rmse: 0.7 },
      'NEAR BAY': { count: 20, rmse: 0.4 },
      ISLAND: { count: 2 },
      COAST: { count: 5, rmse: 0.5 },
    },
  };
  const gate = (value: number): GateSpec => ({
    type: 'max-group-gap',
    metric: 'rmse',
    group: 'ocean',
    value,
  });

  it('measures the gap as max minus min over the levels that have the metric', () => {
    const [result] = evaluateGates([gate(0.5)], { metrics: {}, groups });
    expect(result?.passed).toBe(true);
    expect(result?.actual).toBeCloseTo(0.3, 12);
    expect(result?.reason).toMatch(/between INLAND \(0\.7\) and NEAR BAY \(0\.4\)/);
  });

  it('fails when the gap is larger than allowed', () => {
    const [result] = evaluateGates([gate(0.2)], { metrics: {}, groups });
    expect(result).toMatchObject({ passed: false, threshold: 0.2 });
  });

  it('throws UnknownGroupError naming the gate for a group that was not evaluated', () => {
    expect(() =>
      evaluateGates([{ type: 'max-group-gap', metric: 'rmse', group: 'region', value: 1 }], {
        metrics: {},
        groups,
      }),
    ).toThrow(/gate 1 \(rmse gap across region ≤ 1\).*available: ocean/);
    expect(() =>
      evaluateGates([{ type: 'max-group-gap', metric: 'rmse', group: 'region', value: 1 }], {
        metrics: {},
      }),
    ).toThrow(UnknownGroupError);
  });

  it('throws UnknownMetricError when no level has the metric', () => {
    expect(() =>
      evaluateGates([{ type: 'max-group-gap', metric: 'mae', group: 'ocean', value: 1 }], {
        metrics: {},
        groups,
      }),
    ).toThrow(UnknownMetricError);
  });
});

describe('evaluateGates: unknown metrics', () => {
  it('throws UnknownMetricError naming the gate and the available metrics', () => {
    const gates: GateSpec[] = [
      { type: 'min', metric: 'r2', value: 0.5 },
      { type: 'max', metric: 'rsme', value: 1 },
    ];
    expect(() => evaluateGates(gates, { metrics: { rmse: 0.5, r2: 0.9 } })).toThrow(
      UnknownMetricError,
    );
    expect(() => evaluateGates(gates, { metrics: { rmse: 0.5, r2: 0.9 } })).toThrow(
      /gate 2 \(rsme ≤ 1\): the candidate has no metric "rsme" \(available: rmse, r2\)/,
    );
  });

  it('returns one result per gate, in order', () => {
    const results = evaluateGates(
      [
        { type: 'min', metric: 'r2', value: 0.5 },
        { type: 'max', metric: 'rmse', value: 0.1 },
      ],
      { metrics: { rmse: 0.5, r2: 0.9 } },
    );
    expect(results.map((r) => [r.gate.metric, r.passed])).toEqual([
      ['r2', true],
      ['rmse', false],
    ]);
  });
});

describe('the group gap gate with a minimum count', () => {
  it('leaves out levels with fewer rows than minCount', () => {
    const groups = {
      zipcode: {
        a: { mape: 0.1, count: 50 },
        b: { mape: 0.15, count: 40 },
        tiny: { mape: 0.9, count: 3 },
      },
    };
    const gate = { type: 'max-group-gap', metric: 'mape', group: 'zipcode', value: 0.1 } as const;
    const [all] = evaluateGates([gate], { metrics: {}, groups });
    expect(all?.passed).toBe(false);
    expect(all?.actual).toBeCloseTo(0.8, 12);
    const [filtered] = evaluateGates([{ ...gate, minCount: 10 }], { metrics: {}, groups });
    expect(filtered?.passed).toBe(true);
    expect(filtered?.actual).toBeCloseTo(0.05, 12);
  });
});
