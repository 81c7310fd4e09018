import { describe, expect, it } from 'vitest';
import {
  GroupCodeError,
  groupMetrics,
  largestGap,
  MISSING_GROUP_LEVEL,
  NoEligibleGroupsError,
  regressionMetrics,
  UnknownMetricError,
} from '../src/index';
import { expectClose, reference } from './reference';

const { y, yhat } = reference.regression;
const { levels, codes, expected } = reference.groups;

describe('groupMetrics', () => {
  const byGroup = groupMetrics(y, yhat, Int32Array.from(codes), levels, regressionMetrics);

  it('computes the metrics of each group as scikit-learn does on the subsets', () => {
    expect(Object.keys(byGroup)).toEqual(Object.keys(expected));
    for (const [level, values] of Object.entries(expected)) {
      const actual = byGroup[level];
      expect(actual, level).toBeDefined();
      for (const [metric, value] of Object.entries(values)) {
        expectClose((actual as unknown as Record<string, number>)[metric] as number, value, level);
      }
    }
  });

  it('reports code -1 under "(missing)" with its row count', () => {
    expect(byGroup[MISSING_GROUP_LEVEL]?.count).toBe(codes.filter((c) => c === -1).length);
  });

  it('leaves out levels without rows', () => {
    const result = groupMetrics([1, 2], [1, 2], Int32Array.from([0, 0]), ['a', 'b'], (a, b) => ({
      n: a.length + b.length,
    }));
    expect(result).toEqual({ a: { n: 4, count: 2 } });
  });

  it('rejects a code outside the levels, naming the row', () => {
    expect(() =>
      groupMetrics([1, 2], [1, 2], Int32Array.from([0, 2]), ['a', 'b'], regressionMetrics),
    ).toThrow(GroupCodeError);
    expect(() =>
      groupMetrics([1, 2], [1, 2], Int32Array.from([0, 2]), ['a', 'b'], regressionMetrics),
    ).toThrow(/groupCodes\[1\] is 2/);
  });
});

describe('largestGap', () => {
  const byGroup = groupMetrics(y, yhat, Int32Array.from(codes), levels, regressionMetrics);

  it('finds the groups with the smallest and largest value of a metric', () => {
    const maes = Object.entries(expected).map(([level, v]) => ({ level, value: v.mae as number }));
    const lowest = maes.reduce((a, b) => (b.value < a.value ? b : a));
    const highest = maes.reduce((a, b) => (b.value > a.value ? b : a));
    const gap = largestGap(byGroup, 'mae');
    expect(gap.metric).toBe('mae');
    expect(gap.min.level).toBe(lowest.level);
    expect(gap.max.level).toBe(highest.level);
    expectClose(gap.gap, highest.value - lowest.value, 'gap');
  });

  it('ignores groups below the minimum count', () => {
    const groups = {
      a: { mae: 1, count: 10 },
      tiny: { mae: 50, count: 2 },
      b: { mae: 2.5, count: 10 },
    };
    expect(largestGap(groups, 'mae').max).toEqual({ level: 'tiny', value: 50 });
    expect(largestGap(groups, 'mae', { minCount: 3 })).toEqual({
      metric: 'mae',
      gap: 1.5,
      min: { level: 'a', value: 1 },
      max: { level: 'b', value: 2.5 },
    });
  });

  it('ignores NaN values such as R² of a one-row group', () => {
    const gap = largestGap(byGroup, 'r2');
    expect(Number.isFinite(gap.gap)).toBe(true);
    expect(byGroup[gap.min.level]?.count).toBeGreaterThan(1);
  });

  it('rejects an unknown metric and a set with no eligible group', () => {
    expect(() => largestGap(byGroup, 'auc')).toThrow(UnknownMetricError);
    expect(() => largestGap(byGroup, 'mae', { minCount: 1000 })).toThrow(NoEligibleGroupsError);
  });
});
