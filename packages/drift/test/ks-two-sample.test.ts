import { describe, expect, it } from 'vitest';
import { EmptySampleError, InvalidValueError } from '../src/errors';
import { ksStatistic, ksTwoSample } from '../src/ks-two-sample';
import { expectClose, expected, sample } from './expected';

describe('ksTwoSample', () => {
  it("equals scipy.stats.ks_2samp (method='auto') to 1e-9 relative: exact, asymptotic, ties, n = 1…20,000", () => {
    expect(expected.ksTwoSample.length).toBeGreaterThan(20);
    for (const c of expected.ksTwoSample) {
      const label = `ks_2samp(${c.reference}, ${c.current})`;
      const result = ksTwoSample(sample(c.reference), sample(c.current));
      expectClose(result.statistic, c.statistic, `${label} statistic`);
      expectClose(result.pValue, c.pValue, `${label} p-value`);
      expect(result.method, label).toBe(c.method);
    }
  });

  it("falls back to the asymptotic p-value where scipy's exact sum rounds above 1 (equal sizes, D = 1/n)", () => {
    const c = expected.ksTwoSample.find((k) => k.reference === 'thirty_a');
    expect(c?.method).toBe('asymptotic');
    const result = ksTwoSample(sample('thirty_a'), sample('thirty_b'));
    expect(result.method).toBe('asymptotic');
    expect(result.statistic).toBeCloseTo(1 / 30, 15);
  });

  it('gives the same answer for pre-sorted input with sorted: true', () => {
    const a = sample('n3000').sort();
    const b = sample('n5000').sort();
    expect(ksTwoSample(a, b, { sorted: true })).toEqual(
      ksTwoSample(sample('n3000'), sample('n5000')),
    );
  });

  it('counts tied values on both sides before comparing the CDFs', () => {
    expect(ksStatistic(Float64Array.of(1, 2, 2, 3), Float64Array.of(2, 2, 2, 2))).toBeCloseTo(
      0.25,
      15,
    );
  });

  it('rejects an empty sample and NaN with a message naming the argument', () => {
    expect(() => ksTwoSample([], [1])).toThrow(EmptySampleError);
    expect(() => ksTwoSample([1, Number.NaN], [1])).toThrow(/reference\[1\] is NaN/);
    expect(() => ksTwoSample([1], [Number.POSITIVE_INFINITY])).toThrow(InvalidValueError);
  });
});
