import { at, checkPair } from './check';

/**
 * Mean absolute percentage error, as a fraction (0.1 = 10 %), with scikit-learn's guard
 * against zero targets:
 *
 *   MAPE = (1/n) Σᵢ |yᵢ − ŷᵢ| / max(|yᵢ|, ε),   ε = 2⁻⁵² (float64 machine epsilon)
 *
 * A zero target therefore contributes a huge (but finite) term, as in
 * scikit-learn's `mean_absolute_percentage_error`.
 */
export function meanAbsolutePercentageError(y: ArrayLike<number>, yhat: ArrayLike<number>): number {
  const n = checkPair(y, yhat, 'meanAbsolutePercentageError');
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const actual = at(y, i);
    sum += Math.abs(actual - at(yhat, i)) / Math.max(Math.abs(actual), Number.EPSILON);
  }
  return sum / n;
}
