import { parseChunk } from './csv-chunk';
import { readHeader } from './csv-header';
import type { CsvReadOptions } from './csv-options';
import { planFor, problemError } from './csv-plan';
import { TableBuilder } from './csv-table-builder';
import { EmptyDataError } from './errors';
import type { Table } from './types';

/**
 * Parses CSV bytes (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; CRLF
 * or LF line ends; a UTF-8 byte order mark is ignored; blank lines are skipped) into a columnar
 * table on this thread. `source` names the file in error messages. Rows are 1-based data rows
 * (the first line after the header is row 1); messages also give the line number. `readCsv`
 * parses big files in chunks on worker threads into the same table.
 */
export function parseCsv(bytes: Uint8Array, source: string, options: CsvReadOptions = {}): Table {
  const header = readHeader(bytes, source);
  const plan = planFor(header, source, options);
  const chunk = parseChunk(bytes, header.dataStart, bytes.length, plan, { exact: true });
  if (chunk.problem !== null) throw problemError(chunk.problem, source, 0, header.dataLine);
  if (chunk.rowCount === 0) {
    throw new EmptyDataError(`${source}: the file has a header but no data rows`, source);
  }
  return TableBuilder.single(plan, chunk, source);
}
