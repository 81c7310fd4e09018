import type { Table } from '@repo/tabular';
import { describe, expect, it } from 'vitest';
import { profileTable } from '../src/data-profile';

const table: Table = {
  rowCount: 12,
  source: 'sales.csv',
  columns: new Map([
    // 0..10 and a missing value, then 100 (only in the last row, left out below).
    [
      'sqft',
      {
        kind: 'numeric',
        name: 'sqft',
        values: Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Number.NaN]),
      },
    ],
    [
      'area',
      {
        kind: 'categorical',
        name: 'area',
        codes: Int32Array.from([0, 0, 1, -1, 1, 1, 0, 2, 2, 0, 1, 0]),
        levels: ['a', 'b', 'c'],
      },
    ],
  ]),
};

describe('profileTable', () => {
  it('gives count, missing values, mean, population std, deciles and a decile histogram of a numeric column', () => {
    const profile = profileTable(table, ['sqft']);
    const sqft = profile.columns.sqft;
    if (sqft?.kind !== 'numeric') throw new Error('expected a numeric profile');
    expect(profile.rows).toBe(12);
    expect(sqft.count).toBe(12);
    expect(sqft.missing).toBe(1);
    expect(sqft.mean).toBeCloseTo(5, 12);
    expect(sqft.std).toBeCloseTo(Math.sqrt(10), 12); // numpy.std([0..10]) = sqrt(10)
    expect(sqft.deciles).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]); // numpy.quantile(linear)
    expect(sqft.histogram).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(sqft.histogram.reduce((a, b) => a + b, 0)).toBe(11);
  });

  it('profiles only the given rows, so the training split alone defines the reference', () => {
    const sqft = profileTable(table, ['sqft'], Int32Array.from([8, 9, 10])).columns.sqft;
    if (sqft?.kind !== 'numeric') throw new Error('expected a numeric profile');
    expect(sqft.mean).toBeCloseTo(9, 12);
    expect(sqft.min).toBe(8);
    expect(sqft.max).toBe(10);
  });

  it('counts the levels of a categorical column and its missing values', () => {
    const area = profileTable(table, ['area']).columns.area;
    expect(area).toEqual({
      kind: 'categorical',
      count: 12,
      missing: 1,
      frequencies: { a: 5, b: 4, c: 2 },
    });
  });

  it('leaves out columns the table does not have', () => {
    expect(Object.keys(profileTable(table, ['sqft', 'nope']).columns)).toEqual(['sqft']);
  });
});
