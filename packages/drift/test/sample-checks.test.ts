import { describe, expect, it } from 'vitest';
import { EmptySampleError, InvalidValueError } from '../src/errors';
import { asFloat64, assertFiniteSample, sortedCopy } from '../src/sample-checks';

describe('assertFiniteSample', () => {
  it('names the argument, the index and the column', () => {
    expect(() => assertFiniteSample([], 'reference', 'price')).toThrow(EmptySampleError);
    expect(() => assertFiniteSample([1, Number.NaN], 'current', 'price')).toThrow(
      /column "price": current\[1\] is NaN/,
    );
    expect(() => assertFiniteSample([Number.POSITIVE_INFINITY], 'u')).toThrow(InvalidValueError);
  });
});

describe('sortedCopy and asFloat64', () => {
  it('sort numerically without touching the input and reuse a Float64Array', () => {
    const input = [10, 9, 1];
    expect([...sortedCopy(input)]).toEqual([1, 9, 10]);
    expect(input).toEqual([10, 9, 1]);
    const typed = Float64Array.of(1);
    expect(asFloat64(typed)).toBe(typed);
  });
});
