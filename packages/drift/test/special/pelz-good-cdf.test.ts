import { describe, expect, it } from 'vitest';
import { pelzGoodCdf } from '../../src/special/pelz-good-cdf';
import { expectClose, expected } from '../expected';

describe('pelzGoodCdf', () => {
  it('is 1 − scipy’s kstwo.sf where scipy uses it (n > 100,000, n·x² < 2.2, beyond Durbin’s range)', () => {
    const cases = expected.kolmogorovSf.filter(
      ({ n, x }) => n > 100_000 && n * x > 1 && n * x * x < 2.2,
    );
    expect(cases.length).toBeGreaterThan(20);
    for (const { n, x, sf } of cases)
      expectClose(1 - pelzGoodCdf(n, x), sf, `1 − pelzGood(${n}, ${x})`);
  });

  it('approaches the Kolmogorov limit distribution: P(√n·Dₙ ≤ 1) → 0.7300003', () => {
    expect(pelzGoodCdf(1e12, 1 / 1e6)).toBeCloseTo(0.7300003283, 6);
    expect(pelzGoodCdf(1000, 0)).toBe(0);
    expect(pelzGoodCdf(1000, 1)).toBe(1);
  });
});
