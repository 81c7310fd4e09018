/**
 * The CSV inner loop over one chunk of data rows: `bytes[start, end)` holds whole lines (a chunk
 * never starts or ends inside a quoted field). The same function parses a whole file on one
 * thread and each chunk on a worker, so both give the same values. It imports nothing that a
 * worker bundle would not need (no errors, no tables): problems come back as data.
 */
import { type ByteDictionary, type DictionaryKeys, FNV_OFFSET, FNV_PRIME } from './byte-dictionary';
import { type ArraySource, Columns, FRESH } from './csv-chunk-columns';
import { type FieldCursor, readField } from './csv-field';
import { CATEGORICAL, DATE, NUMERIC, SKIP } from './csv-kinds';
import { countLines, countSeparators, estimateRows, skipLineEnd } from './csv-lines';
import { COMMA, CR, fieldText, isMissingToken, LF, QUOTE } from './csv-options';
import { parseDateBytes, scanDate } from './parse-date';
import { parseNumberBytes, scanEnd, scanNumber } from './parse-number';

export type { ArraySource } from './csv-chunk-columns';
export { CATEGORICAL, DATE, NUMERIC, SKIP } from './csv-kinds';

const EXPECTED: readonly string[] = [
  'a number',
  'a date (YYYY-MM-DD, ISO date-time or YYYYMMDDTHHMMSS)',
];

/** What to parse: the header's names, a kind code per column, and which kinds were declared. */
export interface ChunkPlan {
  readonly names: readonly string[];
  readonly kinds: Int8Array;
  readonly declared: Uint8Array;
}

/** The first bad row of a chunk; `row` and `line` count from the chunk's first line (0-based). */
export interface ChunkProblem {
  readonly type: 'format' | 'type';
  readonly column: string;
  readonly row: number;
  readonly line: number;
  /** The message after "row N (line L): ". */
  readonly detail: string;
  /** Whether the message starts with `column "name"` (else with the row). */
  readonly named: boolean;
}

export interface ChunkResult {
  readonly rowCount: number;
  /** Line ends consumed (including those inside quoted fields). */
  readonly lines: number;
  /** Final kind code per column (inferred columns may have widened). */
  readonly kinds: Int8Array;
  /** 1 where an inferred column met a non-missing value. */
  readonly seen: Uint8Array;
  /** Per column, arrays of at least `rowCount` elements (capacity may be larger). */
  readonly values: (Float64Array | null)[];
  readonly codes: (Int32Array | null)[];
  readonly keys: (DictionaryKeys | null)[];
  readonly problem: ChunkProblem | null;
}

export interface ChunkOptions {
  /** Count the line feeds first for exact arrays (one pass more); else estimate and grow. */
  readonly exact?: boolean;
  readonly arrays?: ArraySource;
}

/** A column of undeclared kind met a value of another kind after non-missing values: start over. */
class Restart {
  constructor(
    readonly column: number,
    readonly kind: number,
  ) {}
}

/** Parses the rows of `bytes[start, end)`; inferred columns that widen are re-parsed. */
export function parseChunk(
  bytes: Uint8Array,
  start: number,
  end: number,
  plan: ChunkPlan,
  options: ChunkOptions = {},
): ChunkResult {
  const kinds = Int8Array.from(plan.kinds);
  const capacity = options.exact ? countLines(bytes, start, end) : estimateRows(bytes, start, end);
  for (;;) {
    const out = new Columns(kinds, capacity, options.arrays ?? FRESH);
    const result = parseRows(bytes, start, end, plan, kinds, out);
    if (!(result instanceof Restart)) return result;
    kinds[result.column] = result.kind;
  }
}

function problem(
  type: ChunkProblem['type'],
  column: string,
  row: number,
  line: number,
  detail: string,
  named: boolean,
): ChunkProblem {
  return { type, column, row, line, detail, named };
}

function parseRows(
  bytes: Uint8Array,
  start: number,
  end: number,
  plan: ChunkPlan,
  kinds: Int8Array,
  out: Columns,
): ChunkResult | Restart {
  const { names, declared } = plan;
  const width = names.length;
  const { values, codes, dictionaries, seen } = out;
  const cursor: FieldCursor = {
    bytes,
    start: 0,
    end: 0,
    next: 0,
    newlines: 0,
    error: null,
  };
  let pos = start;
  let line = 0;
  let row = 0;
  while (pos < end) {
    const first = bytes[pos];
    if (first === LF || first === CR) {
      pos = skipLineEnd(bytes, pos);
      line++;
      continue;
    }
    if (row === out.capacity) out.grow();
    const rowLine = line;
    for (let c = 0; c < width; c++) {
      const kind = kinds[c];
      let fast = false;
      let fastValue = 0;
      let fastCode = -2;
      if (kind === CATEGORICAL && pos < end && bytes[pos] !== QUOTE) {
        // Fused path of an unquoted level: hash while looking for the end of the field.
        let i = pos;
        let hash = FNV_OFFSET;
        while (i < end) {
          const b = bytes[i] as number;
          if (b === COMMA || b === LF || b === CR) break;
          hash = Math.imul(hash ^ b, FNV_PRIME);
          i++;
        }
        fastCode = isMissingToken(bytes, pos, i)
          ? -1
          : (dictionaries[c] as ByteDictionary).encodeHashed(bytes, pos, i, hash >>> 0);
        pos = i;
      } else if (kind === NUMERIC) {
        fastValue = scanNumber(bytes, pos, end);
        if (scanEnd >= 0) {
          fast = true;
          pos = scanEnd;
        }
      } else if (kind === DATE) {
        fastValue = scanDate(bytes, pos, end);
        if (!Number.isNaN(fastValue)) {
          fast = true;
          pos += 10;
        }
      }
      if (!fast && fastCode === -2) {
        readField(bytes, pos, cursor, end);
        if (cursor.error !== null) {
          return finish(
            out,
            kinds,
            row,
            line,
            problem('format', names[c] ?? '', row, rowLine, quoteText(cursor), true),
          );
        }
        line += cursor.newlines;
        pos = cursor.next;
      }
      if (c < width - 1) {
        if (pos >= end || bytes[pos] !== COMMA) {
          const detail = `expected ${width} fields, found ${c + 1} (column "${names[c + 1]}" is missing)`;
          return finish(
            out,
            kinds,
            row,
            line,
            problem('format', names[c + 1] ?? '', row, rowLine, detail, false),
          );
        }
        pos++;
      } else if (pos < end) {
        if (bytes[pos] === COMMA) {
          const found = width + countSeparators(bytes, pos, end);
          const detail = `expected ${width} fields, found ${found} (fields after column "${names[c]}")`;
          return finish(
            out,
            kinds,
            row,
            line,
            problem('format', names[c] ?? '', row, rowLine, detail, false),
          );
        }
        pos = skipLineEnd(bytes, pos);
        line++;
      }
      if (fastCode !== -2) {
        (codes[c] as Int32Array)[row] = fastCode;
        continue;
      }
      if (fast) {
        (values[c] as Float64Array)[row] = fastValue;
        if (!Number.isNaN(fastValue)) seen[c] = 1;
        continue;
      }
      if (kind === SKIP) continue;
      const field = cursor.bytes;
      const from = cursor.start;
      const to = cursor.end;
      if (isMissingToken(field, from, to)) {
        if (kind === CATEGORICAL) (codes[c] as Int32Array)[row] = -1;
        else (values[c] as Float64Array)[row] = Number.NaN;
        continue;
      }
      if (kind === CATEGORICAL) {
        (codes[c] as Int32Array)[row] = (dictionaries[c] as ByteDictionary).encode(field, from, to);
        continue;
      }
      const value =
        kind === NUMERIC ? parseNumberBytes(field, from, to) : parseDateBytes(field, from, to);
      if (!Number.isNaN(value)) {
        (values[c] as Float64Array)[row] = value;
        seen[c] = 1;
        continue;
      }
      if (declared[c] === 1) {
        const detail = `expected ${EXPECTED[kind ?? 0]}, found "${fieldText(field, from, to)}"`;
        return finish(
          out,
          kinds,
          row,
          line,
          problem('type', names[c] ?? '', row, rowLine, detail, true),
        );
      }
      // An inferred column meets a value of a wider kind.
      const date = kind === NUMERIC ? parseDateBytes(field, from, to) : Number.NaN;
      const widened = Number.isNaN(date) ? CATEGORICAL : DATE;
      if (seen[c] === 1) return new Restart(c, widened);
      kinds[c] = widened;
      if (widened === DATE) {
        (values[c] as Float64Array)[row] = date;
        seen[c] = 1;
      } else {
        out.toCategorical(c, row);
        (codes[c] as Int32Array)[row] = (dictionaries[c] as ByteDictionary).encode(field, from, to);
      }
    }
    row++;
  }
  return finish(out, kinds, row, line, null);
}

function finish(
  out: Columns,
  kinds: Int8Array,
  rowCount: number,
  lines: number,
  found: ChunkProblem | null,
): ChunkResult {
  const { values, codes, seen } = out;
  const keys = out.dictionaries.map((d) => d?.keys() ?? null);
  return { rowCount, lines, kinds, seen, values, codes, keys, problem: found };
}

function quoteText(cursor: FieldCursor): string {
  return cursor.error === 'unterminated'
    ? 'a quoted field is not closed before the end of the file'
    : 'a closing quote is followed by something other than a comma or a line end';
}
