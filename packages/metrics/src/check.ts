import { BinaryLabelError, EmptyInputError, MetricLengthError, MissingValueError } from './errors';

/** Throws unless `y` and `yhat` have the same, non-zero length; returns that length. */
export function checkPair(
  y: ArrayLike<number>,
  yhat: ArrayLike<number>,
  metric: string,
  yhatName = 'yhat',
): number {
  if (y.length !== yhat.length) {
    throw new MetricLengthError(
      `${metric}: y has ${y.length} values but ${yhatName} has ${yhat.length}`,
    );
  }
  if (y.length === 0) {
    throw new EmptyInputError(`${metric}: y and ${yhatName} are empty`);
  }
  return y.length;
}

/** Throws unless every `y[i]` is exactly 0 or 1 and no score is NaN. */
export function checkBinary(y: ArrayLike<number>, scores: ArrayLike<number>, metric: string): void {
  for (let i = 0; i < y.length; i++) {
    const label = y[i];
    if (label !== 0 && label !== 1) {
      throw new BinaryLabelError(`${metric}: y[${i}] is ${label}; binary labels must be 0 or 1`);
    }
    if (Number.isNaN(scores[i])) {
      throw new MissingValueError(`${metric}: scores[${i}] is NaN`);
    }
  }
}

/** `a[i]` as a number (typed arrays and arrays never hold `undefined` inside their length). */
export function at(a: ArrayLike<number>, i: number): number {
  return a[i] as number;
}
