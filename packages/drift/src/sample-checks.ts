import { EmptySampleError, InvalidValueError } from './errors';

/** Throws unless `values` is non-empty and every value is finite; `what` names it in the message. */
export function assertFiniteSample(values: ArrayLike<number>, what: string, column?: string): void {
  const where = column === undefined ? '' : `column "${column}": `;
  if (values.length === 0) throw new EmptySampleError(`${where}${what} has no values`, column);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) {
      throw new InvalidValueError(
        `${where}${what}[${i}] is ${v}; a finite number is required`,
        column,
      );
    }
  }
}

/** A sorted copy of `values` (typed-array sort is numeric). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** `values` itself when it already is a Float64Array, else a Float64Array copy. */
export function asFloat64(values: ArrayLike<number>): Float64Array {
  return values instanceof Float64Array ? values : Float64Array.from(values);
}
