import { describe, expect, it } from 'vitest';
import { chiSquareTest } from '../src/chi-square';
import { discreteTest, newLevelsOf } from '../src/discrete-test';
import { zTestProportions } from '../src/z-test-proportions';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('discreteTest', () => {
  it('runs chi-square over the reference levels only and lists the new ones', () => {
    const ref = new Map([
      ['a', 30],
      ['b', 70],
    ]);
    const cur = new Map([
      ['b', 50],
      ['new', 5],
      ['a', 40],
    ]);
    const r = discreteTest('chisquare', ref, cur, byString);
    expect(r.pValue).toBe(chiSquareTest([30, 70], [40, 50]).pValue);
    expect(r.newLevels).toEqual([{ level: 'new', count: 5 }]);
    expect(r.newLevelRate).toBeCloseTo(5 / 95, 15);
  });

  it('tests the first sorted level against the rest with the Z-test', () => {
    const ref = new Map([
      ['yes', 40],
      ['no', 60],
    ]);
    const cur = new Map([
      ['no', 30],
      ['yes', 70],
    ]);
    const r = discreteTest('z', ref, cur, byString);
    // 'no' sorts first: the proportions compared are those of 'yes'.
    expect(r.statistic).toBe(zTestProportions(40, 100, 70, 100).statistic);
  });

  it('gives p = 0 when every current row is in a level the reference never had', () => {
    const r = discreteTest('z', new Map([['a', 5]]), new Map([['b', 3]]), byString);
    expect(r).toMatchObject({ statistic: Number.POSITIVE_INFINITY, pValue: 0, newLevelRate: 1 });
  });
});

describe('newLevelsOf', () => {
  it('orders new levels by count, then label', () => {
    const levels = newLevelsOf(
      new Map([['a', 1]]),
      new Map([
        ['c', 2],
        ['b', 2],
        ['d', 9],
        ['a', 3],
      ]),
    );
    expect(levels.map((l) => l.level)).toEqual(['d', 'b', 'c']);
  });
});
