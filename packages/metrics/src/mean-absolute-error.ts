import { at, checkPair } from './check';

/**
 * Mean absolute error.
 *
 *   MAE = (1/n) Σᵢ |yᵢ − ŷᵢ|
 *
 * Same as scikit-learn's `mean_absolute_error`.
 */
export function meanAbsoluteError(y: ArrayLike<number>, yhat: ArrayLike<number>): number {
  const n = checkPair(y, yhat, 'meanAbsoluteError');
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += Math.abs(at(y, i) - at(yhat, i));
  }
  return sum / n;
}
