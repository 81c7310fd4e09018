import type { CategoricalColumn, NumericColumn } from '@repo/tabular';
import { ColumnMismatchError, EmptySampleError } from './errors';

/** A column as `@repo/tabular` holds it; date columns are not drift-checked. */
export type DriftColumn = NumericColumn | CategoricalColumn;

/** One side of a column with its missing values counted and set aside. */
export interface SampleSummary {
  /** All rows, missing included. */
  readonly rows: number;
  /** NaN (and ±Infinity, which Evidently also drops) for numeric, code −1 for categorical. */
  readonly missing: number;
  /** missing / rows. */
  readonly missingRate: number;
}

export interface NumericSample extends SampleSummary {
  /** The finite values, in row order. */
  readonly values: Float64Array;
}

export interface CategoricalSample extends SampleSummary {
  /** Rows per level label, levels with no row left out. */
  readonly counts: ReadonlyMap<string, number>;
}

export type Side = 'reference' | 'current';

function summary(rows: number, missing: number): SampleSummary {
  return { rows, missing, missingRate: rows === 0 ? 0 : missing / rows };
}

/** The finite values of a numeric column; throws `EmptySampleError` when there are none. */
export function numericSample(column: NumericColumn, side: Side): NumericSample {
  const all = column.values;
  const values = new Float64Array(all.length);
  let kept = 0;
  for (let i = 0; i < all.length; i++) {
    const v = all[i] as number;
    if (Number.isFinite(v)) values[kept++] = v;
  }
  if (kept === 0) {
    throw new EmptySampleError(
      `column "${column.name}": the ${side} data has no non-missing value (${all.length} rows)`,
      column.name,
    );
  }
  return { ...summary(all.length, all.length - kept), values: values.subarray(0, kept) };
}

/** Rows per level of a categorical column; throws on codes outside the levels or no level at all. */
export function categoricalSample(column: CategoricalColumn, side: Side): CategoricalSample {
  const perCode = new Float64Array(column.levels.length);
  let missing = 0;
  for (let i = 0; i < column.codes.length; i++) {
    const code = column.codes[i] as number;
    if (code === -1) missing++;
    else if (code >= 0 && code < perCode.length) perCode[code] = (perCode[code] as number) + 1;
    else {
      throw new ColumnMismatchError(
        `column "${column.name}": ${side} row ${i} has code ${code}, but there are ${perCode.length} levels`,
        column.name,
      );
    }
  }
  const counts = new Map<string, number>();
  column.levels.forEach((level, code) => {
    const n = perCode[code] as number;
    if (n > 0) counts.set(level, (counts.get(level) ?? 0) + n);
  });
  if (counts.size === 0) {
    throw new EmptySampleError(
      `column "${column.name}": the ${side} data has no non-missing value (${column.codes.length} rows)`,
      column.name,
    );
  }
  return { ...summary(column.codes.length, missing), counts };
}

/** Distinct values over both samples, counted up to `cap` (enough to apply the default rules). */
export function distinctUpTo(a: Float64Array, b: Float64Array, cap: number): number {
  const seen = new Set<number>();
  for (const sample of [a, b]) {
    for (let i = 0; i < sample.length; i++) {
      seen.add((sample[i] as number) + 0);
      if (seen.size >= cap) return seen.size;
    }
  }
  return seen.size;
}

/** Rows per distinct value of a numeric sample (−0 and 0 together). */
export function valueCounts(values: Float64Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const v = (values[i] as number) + 0;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}
