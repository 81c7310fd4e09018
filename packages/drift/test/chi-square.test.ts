import { describe, expect, it } from 'vitest';
import { chiSquareTest } from '../src/chi-square';
import { InvalidValueError, SampleLengthError } from '../src/errors';
import { expectClose, expected } from './expected';

describe('chiSquareTest', () => {
  it('equals scipy.stats.chisquare(current, f_exp=reference share · n_current) to 1e-9 relative', () => {
    expect(expected.chiSquare.length).toBeGreaterThan(4);
    for (const c of expected.chiSquare) {
      // The script drops categories the reference never saw (share 0), as columnDrift does.
      const keep = c.reference.map((r) => r > 0);
      const reference = c.reference.filter((_, i) => keep[i]);
      const current = c.current.filter((_, i) => keep[i]);
      const result = chiSquareTest(reference, current);
      expectClose(result.statistic, c.statistic, `chisquare(${c.current}) statistic`);
      expectClose(result.pValue, c.pValue, `chisquare(${c.current}) p-value`);
      expect(result.degreesOfFreedom).toBe(reference.length - 1);
    }
  });

  it('returns statistic 0 and p-value 1 for a single category', () => {
    expect(chiSquareTest([10], [3])).toEqual({ statistic: 0, pValue: 1, degreesOfFreedom: 0 });
  });

  it('rejects mismatched lengths, a zero reference count and negative counts', () => {
    expect(() => chiSquareTest([1, 2], [1])).toThrow(SampleLengthError);
    expect(() => chiSquareTest([1, 0], [1, 1])).toThrow(InvalidValueError);
    expect(() => chiSquareTest([1, 1], [1, -1])).toThrow(/currentCounts\[1\] is -1/);
  });
});
