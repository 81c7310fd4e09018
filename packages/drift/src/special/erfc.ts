import { regularizedGammaQ } from './incomplete-gamma';

/**
 * The complementary error function erfc(x) = 1 − erf(x), with full relative precision in the
 * upper tail: for x ≥ 0, erfc(x) = Q(½, x²) (the regularized upper incomplete gamma function);
 * for x < 0, erfc(x) = 2 − erfc(−x).
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x < 0) return 2 - erfc(-x);
  return regularizedGammaQ(0.5, x * x);
}

/** Two-sided tail of the standard normal distribution, P(|Z| ≥ |z|) = erfc(|z| / √2). */
export function normalTwoSidedP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}
