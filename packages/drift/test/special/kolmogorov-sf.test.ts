import { describe, expect, it } from 'vitest';
import { kolmogorovSf } from '../../src/special/kolmogorov-sf';
import { expectClose, expected } from '../expected';

describe('kolmogorovSf', () => {
  it('equals scipy.stats.kstwo.sf to 1e-9 relative over every regime of n and x', () => {
    expect(expected.kolmogorovSf.length).toBeGreaterThan(300);
    for (const { n, x, sf } of expected.kolmogorovSf) {
      expectClose(kolmogorovSf(n, x), sf, `kstwo.sf(${x}, ${n})`);
    }
  });

  it('is 1 at and below 1/(2n), 0 from x = 1, and NaN for a non-integer n', () => {
    expect(kolmogorovSf(10, 0.05)).toBe(1);
    expect(kolmogorovSf(10, 1)).toBe(0);
    expect(kolmogorovSf(2.5, 0.3)).toBeNaN();
  });
});
