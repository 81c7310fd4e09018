import { describe, expect, it } from 'vitest';
import { categoricalSample, distinctUpTo, numericSample, valueCounts } from '../src/column-samples';
import { ColumnMismatchError, EmptySampleError } from '../src/errors';
import { categorical, numeric } from './columns';

describe('numericSample', () => {
  it('keeps the finite values in row order and counts NaN and ±Infinity as missing', () => {
    const s = numericSample(
      numeric('x', [3, Number.NaN, 1, Number.NEGATIVE_INFINITY]),
      'reference',
    );
    expect([...s.values]).toEqual([3, 1]);
    expect(s).toMatchObject({ rows: 4, missing: 2, missingRate: 0.5 });
  });

  it('throws naming the column and the side when nothing is left', () => {
    expect(() => numericSample(numeric('x', [Number.NaN]), 'current')).toThrow(EmptySampleError);
    expect(() => numericSample(numeric('x', []), 'current')).toThrow(
      /column "x": the current data/,
    );
  });
});

describe('categoricalSample', () => {
  it('counts rows per level label, code −1 as missing, unused levels left out', () => {
    const column = { ...categorical('c', ['a', null, 'b', 'a']), levels: ['a', 'b', 'unused'] };
    const s = categoricalSample(column, 'reference');
    expect([...s.counts]).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(s).toMatchObject({ rows: 4, missing: 1, missingRate: 0.25 });
  });

  it('rejects a code outside the levels', () => {
    const column = {
      kind: 'categorical' as const,
      name: 'c',
      codes: Int32Array.of(0, 5),
      levels: ['a'],
    };
    expect(() => categoricalSample(column, 'current')).toThrow(ColumnMismatchError);
  });
});

describe('distinctUpTo and valueCounts', () => {
  it('count distinct values of both samples up to the cap, −0 and 0 as one', () => {
    expect(distinctUpTo(Float64Array.of(1, 2, 2), Float64Array.of(3, 1), 10)).toBe(3);
    expect(distinctUpTo(Float64Array.of(1, 2, 3, 4, 5, 6, 7), Float64Array.of(8), 6)).toBe(6);
    expect([...valueCounts(Float64Array.of(-0, 0, 1))]).toEqual([
      [0, 2],
      [1, 1],
    ]);
  });
});
