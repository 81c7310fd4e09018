import { column as getColumn } from './columns';
import type { Column, Table } from './types';

/** The rows of `table` at `rows` (in that order, repeats allowed), gathered into new typed arrays. */
export function selectRows(table: Table, rows: Int32Array | readonly number[]): Table {
  const n = rows.length;
  const columns = new Map<string, Column>();
  for (const [name, column] of table.columns) {
    if (column.kind === 'categorical') {
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const row = rows[i] ?? 0;
        if (row < 0 || row >= table.rowCount) throw rowRange(table, row);
        codes[i] = column.codes[row] ?? -1;
      }
      columns.set(name, { kind: 'categorical', name, codes, levels: column.levels });
    } else {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const row = rows[i] ?? 0;
        if (row < 0 || row >= table.rowCount) throw rowRange(table, row);
        values[i] = column.values[row] ?? Number.NaN;
      }
      columns.set(name, { kind: column.kind, name, values });
    }
  }
  return { rowCount: n, columns, source: table.source };
}

function rowRange(table: Table, row: number): RangeError {
  return new RangeError(
    `${table.source}: row index ${row} is outside 0..${table.rowCount - 1} (selectRows)`,
  );
}

/** The rows for which `keep(row)` is true (0-based row indices), in order. */
export function filterRows(table: Table, keep: (row: number) => boolean): Table {
  const rows: number[] = [];
  for (let row = 0; row < table.rowCount; row++) if (keep(row)) rows.push(row);
  return selectRows(table, Int32Array.from(rows));
}

/** A table with only the named columns, in the order given (arrays shared, not copied). */
export function selectColumns(table: Table, names: readonly string[]): Table {
  const columns = new Map<string, Column>();
  for (const name of names) columns.set(name, getColumn(table, name));
  return { rowCount: table.rowCount, columns, source: table.source };
}
