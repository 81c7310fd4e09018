import { open } from 'node:fs/promises';
import type { Column, Table } from './types';

const MS_PER_DAY = 86_400_000;
const ROWS_PER_CHUNK = 16_384;

/**
 * A field as CSV text: missing values are empty, numbers use JavaScript's shortest round-trip
 * form, dates at midnight UTC are `YYYY-MM-DD` and other dates full ISO 8601 (`…T…Z`).
 * Text holding a comma, a quote or a line break is quoted (RFC 4180).
 */
function formatField(column: Column, row: number): string {
  if (column.kind === 'categorical') {
    const code = column.codes[row] ?? -1;
    return code < 0 ? '' : quote(column.levels[code] ?? '');
  }
  const value = column.values[row] ?? Number.NaN;
  if (Number.isNaN(value)) return '';
  if (column.kind === 'numeric') return String(value);
  const iso = new Date(value).toISOString();
  return value % MS_PER_DAY === 0 ? iso.slice(0, 10) : iso;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function headerLine(table: Table): string {
  return `${[...table.columns.keys()].map(quote).join(',')}\n`;
}

function rowsText(columns: readonly Column[], from: number, to: number): string {
  const lines: string[] = [];
  const fields: string[] = new Array(columns.length);
  for (let row = from; row < to; row++) {
    for (let c = 0; c < columns.length; c++) fields[c] = formatField(columns[c] as Column, row);
    lines.push(fields.join(','));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The table as CSV text (LF line ends, header first); `parseCsv` reads it back. */
export function toCsv(table: Table): string {
  return headerLine(table) + rowsText([...table.columns.values()], 0, table.rowCount);
}

/** Writes the table as CSV (see `toCsv`) in chunks, so large tables need no single huge string. */
export async function writeCsv(table: Table, path: string): Promise<void> {
  const columns = [...table.columns.values()];
  const file = await open(path, 'w');
  try {
    await file.write(headerLine(table));
    for (let from = 0; from < table.rowCount; from += ROWS_PER_CHUNK) {
      await file.write(rowsText(columns, from, Math.min(table.rowCount, from + ROWS_PER_CHUNK)));
    }
  } finally {
    await file.close();
  }
}
