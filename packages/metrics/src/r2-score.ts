import { at, checkPair } from './check';

/**
 * Coefficient of determination.
 *
 *   R² = 1 − Σᵢ (yᵢ − ŷᵢ)² / Σᵢ (yᵢ − ȳ)²
 *
 * scikit-learn's conventions (`r2_score`, `force_finite=True`) for a constant `y`
 * (zero denominator): 1 if the predictions are perfect (zero numerator), else 0.
 * With fewer than two values R² is undefined and the result is NaN, as in scikit-learn.
 */
export function r2Score(y: ArrayLike<number>, yhat: ArrayLike<number>): number {
  const n = checkPair(y, yhat, 'r2Score');
  if (n < 2) return Number.NaN;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += at(y, i);
  mean /= n;
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < n; i++) {
    const actual = at(y, i);
    const residual = actual - at(yhat, i);
    const deviation = actual - mean;
    numerator += residual * residual;
    denominator += deviation * deviation;
  }
  if (numerator === 0) return 1;
  if (denominator === 0) return 0;
  return 1 - numerator / denominator;
}
