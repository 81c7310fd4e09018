import { meanAbsoluteError } from './mean-absolute-error';
import { meanAbsolutePercentageError } from './mean-absolute-percentage-error';
import { meanSquaredError } from './mean-squared-error';
import { r2Score } from './r2-score';

/** The regression metrics, keyed by the names quality gates use. */
export interface RegressionMetrics {
  /** Mean squared error, see `meanSquaredError`. */
  readonly mse: number;
  /** Root mean squared error, see `rootMeanSquaredError`. */
  readonly rmse: number;
  /** Mean absolute error, see `meanAbsoluteError`. */
  readonly mae: number;
  /** Mean absolute percentage error as a fraction, see `meanAbsolutePercentageError`. */
  readonly mape: number;
  /** Coefficient of determination, see `r2Score`. */
  readonly r2: number;
}

/** All regression metrics of predictions `yhat` against targets `y`. */
export function regressionMetrics(
  y: ArrayLike<number>,
  yhat: ArrayLike<number>,
): RegressionMetrics {
  const mse = meanSquaredError(y, yhat);
  return {
    mse,
    rmse: Math.sqrt(mse),
    mae: meanAbsoluteError(y, yhat),
    mape: meanAbsolutePercentageError(y, yhat),
    r2: r2Score(y, yhat),
  };
}
