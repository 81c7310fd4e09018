import { RowIndexError } from './errors';
import type { TableLike } from './table';

/** `rows` checked against the table, or every row `0 … rowCount − 1` when omitted. */
export function resolveRows(table: TableLike, rows: Int32Array | undefined): Int32Array {
  if (rows === undefined) {
    const all = new Int32Array(table.rowCount);
    for (let i = 0; i < all.length; i++) all[i] = i;
    return all;
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as number;
    if (row < 0 || row >= table.rowCount) {
      throw new RowIndexError(
        `${table.source}: rows[${i}] is ${row}, outside the table's ${table.rowCount} rows`,
      );
    }
  }
  return rows;
}
