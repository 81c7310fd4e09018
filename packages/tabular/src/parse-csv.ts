import { ByteDictionary } from './byte-dictionary';
import { createCursor, readField } from './csv-field';
import { type Header, quoteProblem, readHeader, skipLineEnd } from './csv-header';
import { COMMA, CR, type CsvReadOptions, fieldText, isMissingToken, LF } from './csv-options';
import { ColumnNotFoundError, CsvFormatError, CsvTypeError, EmptyDataError } from './errors';
import { parseDateBytes } from './parse-date';
import { parseNumberBytes, scanEnd, scanNumber } from './parse-number';
import type { Column, ColumnKind, Table } from './types';

const SKIP = -1;
const NUMERIC = 0;
const DATE = 1;
const CATEGORICAL = 2;
const KIND_CODES: Readonly<Record<ColumnKind, number>> = {
  numeric: NUMERIC,
  date: DATE,
  categorical: CATEGORICAL,
};
const KIND_NAMES: readonly ColumnKind[] = ['numeric', 'date', 'categorical'];
const EXPECTED: readonly string[] = [
  'a number',
  'a date (YYYY-MM-DD, ISO date-time or YYYYMMDDTHHMMSS)',
];

/** A column of undeclared kind met a value of another kind after non-missing values: start over. */
interface Restart {
  readonly column: number;
  readonly kind: number;
}

interface Parsed {
  readonly rowCount: number;
  readonly values: (Float64Array | null)[];
  readonly codes: (Int32Array | null)[];
  readonly dictionaries: (ByteDictionary | null)[];
}

/**
 * Parses CSV bytes (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; CRLF
 * or LF line ends; a UTF-8 byte order mark is ignored; blank lines are skipped) into a columnar
 * table. `source` names the file in error messages. Rows are 1-based data rows (the first line
 * after the header is row 1); messages also give the line number.
 */
export function parseCsv(bytes: Uint8Array, source: string, options: CsvReadOptions = {}): Table {
  const header = readHeader(bytes, source);
  const width = header.names.length;
  const kinds = new Int8Array(width);
  const declared: boolean[] = header.names.map(() => false);
  const wanted = options.columns === undefined ? null : new Set(options.columns);
  for (const name of [...(wanted ?? []), ...Object.keys(options.types ?? {})]) {
    if (!header.names.includes(name)) {
      throw new ColumnNotFoundError(
        `${source}: column "${name}" not found; the header has: ${header.names.join(', ')}`,
        source,
        name,
      );
    }
  }
  header.names.forEach((name, c) => {
    const type = options.types?.[name];
    if (wanted !== null && !wanted.has(name)) kinds[c] = SKIP;
    else if (type !== undefined) {
      kinds[c] = KIND_CODES[type];
      declared[c] = true;
    } else kinds[c] = NUMERIC;
  });
  for (;;) {
    const result = parseRows(bytes, source, header, kinds, declared);
    if ('kind' in result) {
      kinds[result.column] = result.kind;
      continue;
    }
    if (result.rowCount === 0) {
      throw new EmptyDataError(`${source}: the file has a header but no data rows`, source);
    }
    const columns = new Map<string, Column>();
    header.names.forEach((name, c) => {
      const kind = kinds[c] ?? SKIP;
      if (kind === SKIP) return;
      if (kind === CATEGORICAL) {
        columns.set(name, {
          kind: 'categorical',
          name,
          codes: result.codes[c] ?? new Int32Array(0),
          levels: result.dictionaries[c]?.levels ?? [],
        });
      } else {
        columns.set(name, {
          kind: KIND_NAMES[kind] as 'numeric' | 'date',
          name,
          values: result.values[c] ?? new Float64Array(0),
        });
      }
    });
    return { rowCount: result.rowCount, columns, source };
  }
}

function parseRows(
  bytes: Uint8Array,
  source: string,
  header: Header,
  kinds: Int8Array,
  declared: readonly boolean[],
): Parsed | Restart {
  const names = header.names;
  const width = names.length;
  const length = bytes.length;
  let capacity = countLines(bytes, header.dataStart);
  const values: (Float64Array | null)[] = [];
  const codes: (Int32Array | null)[] = [];
  const dictionaries: (ByteDictionary | null)[] = [];
  const seenValue: boolean[] = [];
  for (let c = 0; c < width; c++) {
    const kind = kinds[c];
    values.push(kind === NUMERIC || kind === DATE ? new Float64Array(capacity) : null);
    codes.push(kind === CATEGORICAL ? new Int32Array(capacity) : null);
    dictionaries.push(kind === CATEGORICAL ? new ByteDictionary() : null);
    seenValue.push(false);
  }
  const cursor = createCursor();
  let pos = header.dataStart;
  let line = header.dataLine;
  let row = 0;
  while (pos < length) {
    const first = bytes[pos];
    if (first === LF || first === CR) {
      pos = skipLineEnd(bytes, pos);
      line++;
      continue;
    }
    if (row === capacity) {
      capacity *= 2;
      for (let c = 0; c < width; c++) {
        values[c] = grow(values[c] ?? null, capacity);
        codes[c] = grow(codes[c] ?? null, capacity);
      }
    }
    const rowLine = line;
    for (let c = 0; c < width; c++) {
      const kind = kinds[c];
      let fast = false;
      let fastValue = 0;
      if (kind === NUMERIC) {
        fastValue = scanNumber(bytes, pos, length);
        if (scanEnd >= 0) {
          fast = true;
          pos = scanEnd;
        }
      }
      if (!fast) {
        readField(bytes, pos, cursor);
        if (cursor.error !== null) {
          throw new CsvFormatError(
            `${source}: column "${names[c]}" row ${row + 1} (line ${rowLine}): ${quoteProblem(cursor)}`,
            { file: source, column: names[c] ?? '', row: row + 1, line: rowLine },
          );
        }
        line += cursor.newlines;
        pos = cursor.next;
      }
      if (c < width - 1) {
        if (bytes[pos] !== COMMA) {
          throw new CsvFormatError(
            `${source}: row ${row + 1} (line ${rowLine}): expected ${width} fields, found ${c + 1} (column "${names[c + 1]}" is missing)`,
            { file: source, column: names[c + 1] ?? '', row: row + 1, line: rowLine },
          );
        }
        pos++;
      } else if (pos < length) {
        if (bytes[pos] === COMMA) {
          const found = width + countSeparators(bytes, pos);
          throw new CsvFormatError(
            `${source}: row ${row + 1} (line ${rowLine}): expected ${width} fields, found ${found} (fields after column "${names[c]}")`,
            { file: source, column: names[c] ?? '', row: row + 1, line: rowLine },
          );
        }
        pos = skipLineEnd(bytes, pos);
        line++;
      }
      if (fast) {
        (values[c] as Float64Array)[row] = fastValue;
        if (!Number.isNaN(fastValue)) seenValue[c] = true;
        continue;
      }
      if (kind === SKIP) continue;
      const field = cursor.bytes;
      const start = cursor.start;
      const end = cursor.end;
      if (isMissingToken(field, start, end)) {
        if (kind === CATEGORICAL) (codes[c] as Int32Array)[row] = -1;
        else (values[c] as Float64Array)[row] = Number.NaN;
        continue;
      }
      if (kind === CATEGORICAL) {
        (codes[c] as Int32Array)[row] = (dictionaries[c] as ByteDictionary).encode(
          field,
          start,
          end,
        );
        continue;
      }
      const value =
        kind === NUMERIC ? parseNumberBytes(field, start, end) : parseDateBytes(field, start, end);
      if (!Number.isNaN(value)) {
        (values[c] as Float64Array)[row] = value;
        seenValue[c] = true;
        continue;
      }
      if (declared[c]) {
        throw new CsvTypeError(
          `${source}: column "${names[c]}" row ${row + 1} (line ${rowLine}): expected ${EXPECTED[kind ?? 0]}, found "${fieldText(field, start, end)}"`,
          { file: source, column: names[c] ?? '', row: row + 1, line: rowLine },
        );
      }
      // An inferred column meets a value of a wider kind.
      const date = kind === NUMERIC ? parseDateBytes(field, start, end) : Number.NaN;
      const widened = Number.isNaN(date) ? CATEGORICAL : DATE;
      if (seenValue[c]) return { column: c, kind: widened };
      kinds[c] = widened;
      if (widened === DATE) {
        (values[c] as Float64Array)[row] = date;
        seenValue[c] = true;
      } else {
        const columnCodes = new Int32Array(capacity).fill(-1, 0, row);
        const dictionary = new ByteDictionary();
        columnCodes[row] = dictionary.encode(field, start, end);
        values[c] = null;
        codes[c] = columnCodes;
        dictionaries[c] = dictionary;
      }
    }
    row++;
  }
  for (let c = 0; c < width; c++) {
    values[c] = trim(values[c] ?? null, row);
    codes[c] = trim(codes[c] ?? null, row);
  }
  return { rowCount: row, values, codes, dictionaries };
}

/** Line feeds from `pos` on, plus one for a last line without one: at least the number of rows. */
function countLines(bytes: Uint8Array, pos: number): number {
  let count = bytes.length > pos && bytes[bytes.length - 1] !== LF ? 1 : 0;
  for (let i = bytes.indexOf(LF, pos); i >= 0; i = bytes.indexOf(LF, i + 1)) count++;
  return Math.max(count, 1);
}

/** Separators from `pos` to the end of the line (quotes ignored), for a "found N fields" message. */
function countSeparators(bytes: Uint8Array, pos: number): number {
  let count = 0;
  for (let i = pos; i < bytes.length && bytes[i] !== LF && bytes[i] !== CR; i++) {
    if (bytes[i] === COMMA) count++;
  }
  return count;
}

function grow<T extends Float64Array | Int32Array>(array: T | null, capacity: number): T | null {
  if (array === null) return null;
  const grown = new (array.constructor as new (n: number) => T)(capacity);
  grown.set(array);
  return grown;
}

function trim<T extends Float64Array | Int32Array>(array: T | null, rows: number): T | null {
  if (array === null || array.length === rows) return array;
  return array.slice(0, rows) as T;
}
