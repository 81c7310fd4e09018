import { describe, expect, it } from 'vitest';
import { regularizedGammaP, regularizedGammaQ } from '../../src/special/incomplete-gamma';
import { expectClose, expected } from '../expected';

describe('regularizedGammaQ and regularizedGammaP', () => {
  it('equal scipy.special.gammaincc / gammainc to 1e-9 relative, tails included', () => {
    expect(expected.gamma.length).toBeGreaterThan(100);
    for (const { a, x, q, p } of expected.gamma) {
      expectClose(regularizedGammaQ(a, x), q, `gammaincc(${a}, ${x})`);
      expectClose(regularizedGammaP(a, x), p, `gammainc(${a}, ${x})`);
    }
  });

  it('are NaN outside the domain and exact at x = 0 and x = ∞', () => {
    expect(regularizedGammaQ(0, 1)).toBeNaN();
    expect(regularizedGammaQ(1, -1)).toBeNaN();
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaP(2, Number.POSITIVE_INFINITY)).toBe(1);
  });
});
