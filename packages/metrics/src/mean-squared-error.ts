import { at, checkPair } from './check';

/**
 * Mean squared error.
 *
 *   MSE = (1/n) Σᵢ (yᵢ − ŷᵢ)²
 *
 * Same as scikit-learn's `mean_squared_error`.
 */
export function meanSquaredError(y: ArrayLike<number>, yhat: ArrayLike<number>): number {
  const n = checkPair(y, yhat, 'meanSquaredError');
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = at(y, i) - at(yhat, i);
    sum += d * d;
  }
  return sum / n;
}
