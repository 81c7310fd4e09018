import { SplitOptionsError } from './errors';
import { createRng } from './rng';
import { shuffleIndices } from './shuffle';
import type { Table } from './types';

export interface SplitOptions {
  /** `random`: a seeded shuffle. `time`: the earliest rows train, the latest rows test. */
  readonly method: 'random' | 'time';
  /** A date (or numeric) column, required by `time`. */
  readonly timeColumn?: string;
  readonly validationFraction: number;
  readonly testFraction: number;
}

/** Row indices (0-based) of each part. */
export interface Split {
  readonly train: Int32Array;
  readonly validation: Int32Array;
  readonly test: Int32Array;
}

/**
 * Splits the rows of a table into train, validation and test. Sizes: `round(n × testFraction)`
 * test rows, `round(n × validationFraction)` validation rows, the rest train.
 * - `random`: a Fisher–Yates shuffle drawn from `createRng(seed)`; test takes the first rows of
 *   the permutation, validation the next; each part is returned in ascending row order.
 * - `time`: rows stably sorted by the time column (ties keep file order); the earliest train,
 *   then validation, the latest test; each part is returned in time order. `seed` is unused.
 *   A missing time value is an error.
 * Deterministic: the same table, options and seed give the same split.
 */
export function splitRows(table: Table, options: SplitOptions, seed: number): Split {
  const n = table.rowCount;
  const { validationFraction, testFraction } = options;
  for (const [name, fraction] of [
    ['validationFraction', validationFraction],
    ['testFraction', testFraction],
  ] as const) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new SplitOptionsError(`${table.source}: ${name} must be in [0, 1), got ${fraction}`);
    }
  }
  const testCount = Math.round(n * testFraction);
  const validationCount = Math.round(n * validationFraction);
  const trainCount = n - testCount - validationCount;
  if (trainCount < 1) {
    throw new SplitOptionsError(
      `${table.source}: validationFraction ${validationFraction} + testFraction ${testFraction} leave no training rows of ${n}`,
    );
  }
  if (options.method === 'random') {
    const order = shuffleIndices(n, createRng(seed));
    const sorted = (a: Int32Array): Int32Array => a.sort();
    return {
      test: sorted(order.slice(0, testCount)),
      validation: sorted(order.slice(testCount, testCount + validationCount)),
      train: sorted(order.slice(testCount + validationCount)),
    };
  }
  const order = timeOrder(table, options.timeColumn);
  return {
    train: order.slice(0, trainCount),
    validation: order.slice(trainCount, trainCount + validationCount),
    test: order.slice(trainCount + validationCount),
  };
}

function timeOrder(table: Table, timeColumn: string | undefined): Int32Array {
  if (timeColumn === undefined) {
    throw new SplitOptionsError(`${table.source}: a time split needs timeColumn`);
  }
  const column = table.columns.get(timeColumn);
  if (column === undefined || column.kind === 'categorical') {
    throw new SplitOptionsError(
      `${table.source}: time column "${timeColumn}" ${column === undefined ? 'is missing' : 'is categorical, expected a date or number'}`,
    );
  }
  const times = column.values;
  for (let row = 0; row < times.length; row++) {
    if (Number.isNaN(times[row])) {
      throw new SplitOptionsError(
        `${table.source}: time column "${timeColumn}" row ${row + 1}: missing value; rows without a time cannot be placed in a time split`,
      );
    }
  }
  const order = Int32Array.from({ length: times.length }, (_, i) => i);
  // Ties broken by row index, so the order is stable on every engine.
  return order.sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || a - b);
}
