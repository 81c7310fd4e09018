import { describe, expect, it } from 'vitest';
import { durbinCdf } from '../../src/special/durbin-cdf';
import { expectClose, expected } from '../expected';

describe('durbinCdf', () => {
  it('is 1 − scipy’s kstwo.sf wherever scipy uses an exact method (n ≤ 140, n·x² ≤ 4)', () => {
    const exact = expected.kolmogorovSf.filter(
      ({ n, x }) => n <= 140 && n * x > 1 && n * x < n - 1 && x < 0.5 && n * x * x <= 4,
    );
    expect(exact.length).toBeGreaterThan(30);
    for (const { n, x, sf } of exact)
      expectClose(1 - durbinCdf(n, x), sf, `1 − durbin(${n}, ${x})`);
  });

  it('is 0 up to n·d = ½ and 1 from d = 1, and exact for n = 1: P(D₁ < d) = 2d − 1', () => {
    expect(durbinCdf(10, 0.05)).toBe(0);
    expect(durbinCdf(10, 1)).toBe(1);
    expect(durbinCdf(1, 0.75)).toBeCloseTo(0.5, 15);
  });
});
