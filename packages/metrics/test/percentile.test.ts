import { describe, expect, it } from 'vitest';
import { EmptyInputError, MetricArgumentError, percentile } from '../src/index';
import { reference } from './reference';

describe('percentile', () => {
  const { values, p, expected } = reference.percentile;

  it('matches numpy.percentile (linear) on unsorted values with ties', () => {
    p.forEach((q, i) => {
      expect(percentile(values, q), `p=${q}`).toBe(expected[i]);
    });
  });

  it('does not reorder its input', () => {
    const input = Float64Array.from([3, 1, 2]);
    percentile(input, 50);
    expect(Array.from(input)).toEqual([3, 1, 2]);
  });

  it('returns NaN when a value is NaN, as numpy does', () => {
    expect(percentile([1, Number.NaN, 3], 50)).toBeNaN();
  });

  it('rejects p outside [0, 100] and empty input', () => {
    expect(() => percentile([1], 101)).toThrow(MetricArgumentError);
    expect(() => percentile([1], Number.NaN)).toThrow(MetricArgumentError);
    expect(() => percentile([], 50)).toThrow(EmptyInputError);
  });
});
