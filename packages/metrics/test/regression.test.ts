import { describe, expect, it } from 'vitest';
import {
  EmptyInputError,
  MetricLengthError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  r2Score,
  regressionMetrics,
  rootMeanSquaredError,
} from '../src/index';
import { expectClose, reference } from './reference';

const { y, yhat, expected } = reference.regression;

describe('the regression metrics', () => {
  it('match scikit-learn on the reference inputs', () => {
    expectClose(meanSquaredError(y, yhat), expected.mse, 'mse');
    expectClose(rootMeanSquaredError(y, yhat), expected.rmse, 'rmse');
    expectClose(meanAbsoluteError(y, yhat), expected.mae, 'mae');
    expectClose(meanAbsolutePercentageError(y, yhat), expected.mape, 'mape');
    expectClose(r2Score(y, yhat), expected.r2, 'r2');
  });

  it('are bundled by regressionMetrics under the gate names', () => {
    const all = regressionMetrics(Float64Array.from(y), Float64Array.from(yhat));
    for (const key of ['mse', 'rmse', 'mae', 'mape', 'r2'] as const) {
      expectClose(all[key], expected[key], key);
    }
  });

  it('accept Float32Array inputs', () => {
    const y32 = Float32Array.from(y);
    const yhat32 = Float32Array.from(yhat);
    expect(meanAbsoluteError(y32, yhat32)).toBeCloseTo(expected.mae, 6);
  });

  it('guard MAPE against a zero target with the float64 epsilon, as a fraction', () => {
    expect(meanAbsolutePercentageError([0, 10], [1, 11])).toBe((1 / Number.EPSILON + 0.1) / 2);
    expect(meanAbsolutePercentageError([10], [11])).toBeCloseTo(0.1, 12);
  });

  it('give R² of 1 for a constant target predicted perfectly, and 0 otherwise', () => {
    const perfect = reference.regression_constant_perfect;
    const imperfect = reference.regression_constant_imperfect;
    expect(r2Score(perfect.y, perfect.yhat)).toBe(perfect.expected.r2);
    expect(r2Score(imperfect.y, imperfect.yhat)).toBe(imperfect.expected.r2);
    expect(perfect.expected.r2).toBe(1);
    expect(imperfect.expected.r2).toBe(0);
  });

  it('give NaN for R² of a single value, as scikit-learn does', () => {
    expect(r2Score([3], [2])).toBeNaN();
  });

  it('reject arrays of different lengths and empty arrays', () => {
    expect(() => meanSquaredError([1, 2], [1])).toThrow(MetricLengthError);
    expect(() => meanSquaredError([1, 2], [1])).toThrow(/y has 2 values but yhat has 1/);
    expect(() => r2Score([], [])).toThrow(EmptyInputError);
  });
});
