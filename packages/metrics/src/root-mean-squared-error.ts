import { meanSquaredError } from './mean-squared-error';

/**
 * Root mean squared error, in the unit of the target.
 *
 *   RMSE = √( (1/n) Σᵢ (yᵢ − ŷᵢ)² )
 *
 * Same as scikit-learn's `root_mean_squared_error` (`mean_squared_error(..., squared=False)`).
 */
export function rootMeanSquaredError(y: ArrayLike<number>, yhat: ArrayLike<number>): number {
  return Math.sqrt(meanSquaredError(y, yhat));
}
