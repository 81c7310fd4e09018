import { regularizedGammaQ } from './incomplete-gamma';

/**
 * Survival function of the χ² distribution with `df` degrees of freedom,
 * P(χ²_df ≥ x) = Q(df/2, x/2) (scipy's `chi2.sf`, cephes `chdtrc`). NaN for df ≤ 0.
 */
export function chiSquareSf(x: number, df: number): number {
  if (!(df > 0) || Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}
