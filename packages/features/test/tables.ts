import type { ColumnLike, TableLike } from '../src/index';

/** A numeric column; `null` becomes NaN (missing). */
export function numeric(name: string, values: readonly (number | null)[]): ColumnLike {
  return { kind: 'numeric', name, values: Float64Array.from(values, (v) => v ?? Number.NaN) };
}

/** A categorical column with levels in order of first appearance (as a CSV reader would). */
export function categorical(name: string, values: readonly (string | null)[]): ColumnLike {
  const levels: string[] = [];
  const codes = Int32Array.from(values, (v) => {
    if (v === null) return -1;
    let code = levels.indexOf(v);
    if (code < 0) code = levels.push(v) - 1;
    return code;
  });
  return { kind: 'categorical', name, codes, levels };
}

export function date(name: string, values: readonly number[]): ColumnLike {
  return { kind: 'date', name, values: Float64Array.from(values) };
}

/** A table shaped like `@repo/tabular`'s `Table`. */
export function table(columns: readonly ColumnLike[], source = 'test.csv'): TableLike {
  const rowCount =
    columns[0]?.kind === 'categorical' ? columns[0].codes.length : (columns[0]?.values.length ?? 0);
  return { rowCount, columns: new Map(columns.map((c) => [c.name, c])), source };
}

export function rows(...indices: number[]): Int32Array {
  return Int32Array.from(indices);
}
