import type { MonitoringWindowSpec } from '@repo/config';
import { parseDateText, selectRows, type Table } from '@repo/tabular';
import { WindowDataError } from './drift-errors';

const MS_PER_DAY = 86_400_000;

/** The rows kept by a time window, and the first and last day kept (`YYYY-MM-DD`). */
export interface WindowedTable {
  readonly table: Table;
  readonly from: string;
  readonly to: string;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The start (inclusive, ms) of `last` = `30d` / `4w` / `3m` before the day of `latest`. */
export function spanStart(last: string, latest: number): number {
  const match = /^([1-9]\d*)([dwm])$/.exec(last);
  if (match === null)
    throw new WindowDataError(`window span "${last}" is not like 30d, 4w or 3m`, last);
  const n = Number(match[1]);
  const end = Math.floor(latest / MS_PER_DAY) * MS_PER_DAY + MS_PER_DAY;
  if (match[2] === 'd') return end - n * MS_PER_DAY;
  if (match[2] === 'w') return end - 7 * n * MS_PER_DAY;
  const d = new Date(end);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, d.getUTCDate());
}

/**
 * The rows of `table` within `window`: `last` counts back from the latest date in the column
 * (the end of its day), so a window is reproducible from the data alone; `from` / `to` are
 * inclusive days. Rows without a date are left out. Throws `WindowDataError` naming the column when
 * it is absent or not a date.
 */
export function applyTimeWindow(table: Table, window: MonitoringWindowSpec): WindowedTable {
  const column = table.columns.get(window.column);
  if (column === undefined || column.kind !== 'date') {
    throw new WindowDataError(
      `${table.source}: the window column "${window.column}" ${column === undefined ? 'is missing' : `is ${column.kind}, not a date`}`,
      table.source,
      window.column,
    );
  }
  const values = column.values;
  let latest = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > latest) latest = v;
  let lo = window.from === undefined ? Number.NEGATIVE_INFINITY : parseDateText(window.from);
  const hi =
    window.to === undefined ? Number.POSITIVE_INFINITY : parseDateText(window.to) + MS_PER_DAY;
  if (window.last !== undefined && Number.isFinite(latest)) lo = spanStart(window.last, latest);
  const rows: number[] = [];
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  values.forEach((v, row) => {
    if (v >= lo && v < hi) {
      rows.push(row);
      if (v < first) first = v;
      if (v > last) last = v;
    }
  });
  return {
    table: selectRows(table, Int32Array.from(rows)),
    from: rows.length === 0 ? '—' : day(first),
    to: rows.length === 0 ? '—' : day(last),
  };
}
