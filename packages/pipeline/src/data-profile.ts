import type { Column, Table } from '@repo/tabular';

/**
 * The training-data profile, stored with every model version so that drift can later be measured
 * against exactly the data the production model learned from.
 */
export interface NumericProfile {
  readonly kind: 'numeric';
  readonly count: number;
  readonly missing: number;
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** Quantiles at 0, 0.1, …, 1 (deciles), linear interpolation. */
  readonly deciles: readonly number[];
  /** Counts of non-missing values in the 10 bins between consecutive deciles. */
  readonly histogram: readonly number[];
}

export interface CategoricalProfile {
  readonly kind: 'categorical';
  readonly count: number;
  readonly missing: number;
  /** Level → number of rows. */
  readonly frequencies: Readonly<Record<string, number>>;
}

export type ColumnProfile = NumericProfile | CategoricalProfile;

export interface DataProfile {
  readonly rows: number;
  readonly columns: Readonly<Record<string, ColumnProfile>>;
}

/** Profiles the given columns of `table` over `rows` (all rows when omitted). */
export function profileTable(
  table: Table,
  columns: readonly string[],
  rows?: Int32Array,
): DataProfile {
  const selected = rows ?? Int32Array.from({ length: table.rowCount }, (_, i) => i);
  const out: Record<string, ColumnProfile> = {};
  for (const name of columns) {
    const column = table.columns.get(name);
    if (column !== undefined) out[name] = profileColumn(column, selected);
  }
  return { rows: selected.length, columns: out };
}

function profileColumn(column: Column, rows: Int32Array): ColumnProfile {
  if (column.kind === 'categorical') {
    const counts = new Float64Array(column.levels.length);
    let missing = 0;
    for (const row of rows) {
      const code = column.codes[row] ?? -1;
      if (code < 0) missing++;
      else counts[code] = (counts[code] ?? 0) + 1;
    }
    const frequencies: Record<string, number> = {};
    column.levels.forEach((level, code) => {
      const count = counts[code] ?? 0;
      if (count > 0) frequencies[level] = count;
    });
    return { kind: 'categorical', count: rows.length, missing, frequencies };
  }
  const values: number[] = [];
  for (const row of rows) {
    const value = column.values[row] ?? Number.NaN;
    if (!Number.isNaN(value)) values.push(value);
  }
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let sum = 0;
  for (const v of sorted) sum += v;
  const mean = n === 0 ? Number.NaN : sum / n;
  let squares = 0;
  for (const v of sorted) squares += (v - mean) ** 2;
  const deciles = Array.from({ length: 11 }, (_, i) => quantileSorted(sorted, i / 10));
  const histogram = new Array<number>(10).fill(0);
  for (const v of sorted) {
    let bin = 0;
    while (bin < 9 && v > (deciles[bin + 1] ?? Number.POSITIVE_INFINITY)) bin++;
    histogram[bin] = (histogram[bin] ?? 0) + 1;
  }
  return {
    kind: 'numeric',
    count: rows.length,
    missing: rows.length - n,
    mean,
    std: n === 0 ? Number.NaN : Math.sqrt(squares / n),
    min: n === 0 ? Number.NaN : (sorted[0] ?? Number.NaN),
    max: n === 0 ? Number.NaN : (sorted[n - 1] ?? Number.NaN),
    deciles,
    histogram,
  };
}

/** The q-quantile of sorted values with linear interpolation between closest ranks (numpy's default). */
function quantileSorted(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = q * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  const low = sorted[lower] ?? Number.NaN;
  return low + ((sorted[upper] ?? low) - low) * (position - lower);
}
