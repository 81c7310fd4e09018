import { readFile } from 'node:fs/promises';
import type { CsvReadOptions } from './csv-options';
import { EmptyDataError, JsonLinesError } from './errors';
import { parseDateText } from './parse-date';
import { parseNumberText } from './parse-number';
import type { Column, ColumnKind, Table } from './types';

type Scalar = string | number | boolean | null;

/** Missing values: an absent key, `null`, and the CSV reader's tokens as strings. */
const MISSING_TEXT = new Set(['', 'NA', 'NaN', 'null']);

function isMissing(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && MISSING_TEXT.has(value))
  );
}

interface Parsed {
  readonly records: Record<string, Scalar>[];
  /** 1-based file line of each record. */
  readonly lines: number[];
  /** Keys in order of first appearance. */
  readonly keys: string[];
}

function parseRecords(text: string, source: string): Parsed {
  const records: Record<string, Scalar>[] = [];
  const lines: number[] = [];
  const keys = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new JsonLinesError(
        `${source}:${index + 1}: not valid JSON (${(cause as Error).message})`,
        { file: source, line: index + 1 },
        { cause },
      );
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new JsonLinesError(
        `${source}:${index + 1}: expected a JSON object (one record a line)`,
        { file: source, line: index + 1 },
      );
    }
    for (const key of Object.keys(value)) keys.add(key);
    records.push(value as Record<string, Scalar>);
    lines.push(index + 1);
  });
  return { records, lines, keys: [...keys] };
}

function asNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? parseNumberText(value) : Number.NaN;
}

function asDate(value: unknown): number {
  return typeof value === 'string' ? parseDateText(value) : Number.NaN;
}

function inferKind(parsed: Parsed, key: string): ColumnKind {
  const present = parsed.records.map((r) => r[key]).filter((v) => !isMissing(v));
  if (present.every((v) => !Number.isNaN(asNumber(v)))) return 'numeric';
  if (present.every((v) => !Number.isNaN(asDate(v)))) return 'date';
  return 'categorical';
}

function buildColumn(parsed: Parsed, key: string, kind: ColumnKind, source: string): Column {
  const { records, lines } = parsed;
  if (kind === 'categorical') {
    const levels: string[] = [];
    const index = new Map<string, number>();
    const codes = Int32Array.from(records, (record) => {
      const value = record[key];
      if (isMissing(value)) return -1;
      const text = String(value);
      let code = index.get(text);
      if (code === undefined) {
        code = levels.push(text) - 1;
        index.set(text, code);
      }
      return code;
    });
    return { kind, name: key, codes, levels };
  }
  const parse = kind === 'numeric' ? asNumber : asDate;
  const values = new Float64Array(records.length);
  records.forEach((record, i) => {
    const value = record[key];
    if (isMissing(value)) values[i] = Number.NaN;
    else {
      const parsedValue = parse(value);
      if (Number.isNaN(parsedValue)) {
        const line = lines[i] ?? 0;
        throw new JsonLinesError(
          `${source}:${line}: column "${key}" is ${kind}, but the value is ${JSON.stringify(value)}`,
          { file: source, line, column: key },
        );
      }
      values[i] = parsedValue;
    }
  });
  return { kind, name: key, values };
}

/**
 * JSON Lines text (one flat JSON object a line; blank lines skipped) into a columnar table, with
 * the CSV reader's options: declared kinds by column (`types`; a value that does not fit is a
 * `JsonLinesError` naming the line and column), undeclared kinds inferred (numeric, else date,
 * else categorical), `columns` to keep. Columns are the keys in order of first appearance; a key
 * absent from a record is missing there, as are `null` and the CSV missing tokens.
 */
export function parseJsonLines(text: string, source: string, options: CsvReadOptions = {}): Table {
  const parsed = parseRecords(text, source);
  if (parsed.records.length === 0) throw new EmptyDataError(`${source}: no records`, source);
  const keep = options.columns === undefined ? undefined : new Set(options.columns);
  const columns = new Map<string, Column>();
  for (const key of parsed.keys) {
    if (keep !== undefined && !keep.has(key)) continue;
    const kind = options.types?.[key] ?? inferKind(parsed, key);
    columns.set(key, buildColumn(parsed, key, kind, source));
  }
  return { rowCount: parsed.records.length, columns, source };
}

/** Reads a JSON Lines file (`.jsonl`, `.ndjson`); see `parseJsonLines`. Messages name the file as `path`. */
export async function readJsonLines(path: string, options: CsvReadOptions = {}): Promise<Table> {
  return parseJsonLines(await readFile(path, 'utf8'), path, options);
}
