import { describe, expect, it } from 'vitest';
import { GrowingArray } from '../src/growing-array';

describe('GrowingArray', () => {
  it('appends values, remapped codes and fills, and finishes as exactly the appended elements', () => {
    const values = new GrowingArray(Float64Array, 10);
    values.append(new Float64Array([1.5, 2.5, 99]), 2);
    values.appendFill(Number.NaN, 2);
    expect([...values.finish()]).toEqual([1.5, 2.5, Number.NaN, Number.NaN]);
    const codes = new GrowingArray(Int32Array, 10);
    codes.appendCodes(new Int32Array([0, -1, 1]), 3, new Int32Array([5, 7]));
    codes.appendCodes(new Int32Array([1, 0]), 2, null);
    expect([...codes.finish()]).toEqual([5, -1, 7, 1, 0]);
  });

  it('moves to a bigger reservation when more elements arrive than it was told to expect', () => {
    const values = new GrowingArray(Float64Array, 2);
    values.append(new Float64Array([1, 2]), 2);
    values.append(new Float64Array([3, 4, 5]), 3);
    expect([...values.finish()]).toEqual([1, 2, 3, 4, 5]);
  });
});
