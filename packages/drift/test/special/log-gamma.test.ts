import { describe, expect, it } from 'vitest';
import { logGamma } from '../../src/special/log-gamma';

describe('logGamma', () => {
  it('matches closed forms: Γ(½) = √π, Γ(1) = Γ(2) = 1, Γ(10) = 9!, Γ(30.5)', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 15);
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 13);
    // Γ(30.5) = (59)!! / 2^30 · √π
    let doubleFactorial = 1;
    for (let k = 1; k <= 59; k += 2) doubleFactorial *= k;
    const wanted = Math.log(doubleFactorial) - 30 * Math.LN2 + 0.5 * Math.log(Math.PI);
    expect(Math.abs(logGamma(30.5) - wanted) / wanted).toBeLessThan(1e-15);
  });

  it('is NaN for z ≤ 0 and ∞ at ∞', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1.5)).toBeNaN();
    expect(logGamma(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});
