import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { MonitoringSourceFormat, ResolvedSource } from '@repo/config';
import { hashBytes } from '@repo/dvc';
import {
  type ColumnKind,
  csvColumnNames,
  EmptyDataError,
  filterRows,
  parseCsv,
  parseJsonLines,
  type Table,
} from '@repo/tabular';
import { concatTables } from './concat-tables';
import { DriftSourceError } from './drift-errors';
import { expandWorkspaceGlob } from './workspace-glob';

/** The current window as read, before any time filter. */
export interface WindowData {
  /** Null when every file was empty (no rows: a "too few rows" outcome, not an error). */
  readonly table: Table | null;
  /** The files or the URL read. */
  readonly label: string;
  /** md5 of the bytes of every file, in order (one file: its md5). */
  readonly md5: string;
}

function formatOf(name: string, given: MonitoringSourceFormat | undefined): MonitoringSourceFormat {
  if (given !== undefined) return given;
  const path = name.replace(/[?#].*$/, '').toLowerCase();
  if (path.endsWith('.csv') || path.endsWith('.txt')) return 'csv';
  if (path.endsWith('.jsonl') || path.endsWith('.ndjson')) return 'jsonl';
  throw new DriftSourceError(
    `${name}: cannot tell the format from the name; use .csv, .jsonl or .ndjson, or set monitoring.source.format`,
    name,
  );
}

/** Parses one file: CSV with declared kinds for the columns it has, or JSON Lines. Empty → null. */
function parseWindow(
  bytes: Uint8Array,
  name: string,
  format: MonitoringSourceFormat,
  types: Readonly<Record<string, ColumnKind>>,
  model: string,
): Table | null {
  try {
    if (format === 'csv') {
      const names = new Set(csvColumnNames(bytes, name));
      const present = Object.fromEntries(Object.entries(types).filter(([k]) => names.has(k)));
      return parseCsv(bytes, name, { types: present });
    }
    const text = new TextDecoder().decode(bytes);
    if (format === 'jsonl') return parseJsonLines(text, name, { types });
    const table = parseJsonLines(text, name, {
      types: { ...types, timestamp: 'date', model: 'categorical' },
    });
    const column = table.columns.get('model');
    if (column?.kind !== 'categorical') return table;
    const own = column.levels.indexOf(model);
    return filterRows(table, (row) => column.codes[row] === -1 || column.codes[row] === own);
  } catch (error) {
    if (error instanceof EmptyDataError) return null;
    throw error;
  }
}

async function download(url: string, timeoutMs: number): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (cause) {
    const timedOut = (cause as Error).name === 'TimeoutError';
    throw new DriftSourceError(
      timedOut ? `${url}: no answer within ${timeoutMs} ms` : `${url}: ${(cause as Error).message}`,
      url,
      { cause },
    );
  }
  if (!response.ok) {
    throw new DriftSourceError(
      `${url}: HTTP ${response.status} ${response.statusText}`.trim(),
      url,
    );
  }
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (cause) {
    throw new DriftSourceError(
      `${url}: the body could not be read (${(cause as Error).message})`,
      url,
      { cause },
    );
  }
}

/**
 * Reads the current window from `source`: every file of a workspace path or glob (relative to
 * `root`; an absolute path is read as is), or one http(s) URL with a timeout. CSV files get the
 * config's column kinds (text in a numeric column is a `CsvTypeError` naming file, column and
 * row); JSON Lines likewise; a `requests` log keeps the records of `model` (or with no `model`).
 */
export async function readWindow(
  root: string,
  source: ResolvedSource,
  types: Readonly<Record<string, ColumnKind>>,
  model: string,
): Promise<WindowData> {
  const parts: { name: string; bytes: Uint8Array }[] = [];
  if (source.kind === 'url') {
    parts.push({ name: source.url, bytes: await download(source.url, source.timeoutMs) });
  } else {
    const files = isAbsolute(source.pattern)
      ? [source.pattern]
      : (await expandWorkspaceGlob(root, source.pattern)).map((f) => join(root, f));
    if (files.length === 0) {
      throw new DriftSourceError(
        `no file matches ${source.pattern} (the current window of ${model}); write one, e.g. \`mlops drift generate-window --window fresh\`, or pass --current`,
        source.pattern,
      );
    }
    for (const file of files) {
      try {
        parts.push({ name: file, bytes: await readFile(file) });
      } catch (cause) {
        throw new DriftSourceError(
          `${file}: cannot read the window (${(cause as Error).message})`,
          file,
          { cause },
        );
      }
    }
  }
  const tables = parts
    .map((p) => parseWindow(p.bytes, p.name, formatOf(p.name, source.format), types, model))
    .filter((t): t is Table => t !== null && t.rowCount > 0);
  const md5s = parts.map((p) => hashBytes(p.bytes));
  return {
    table: tables.length === 0 ? null : concatTables(tables),
    label: parts.map((p) => (source.kind === 'url' ? p.name : relative(root, p.name))).join(', '),
    md5:
      md5s.length === 1
        ? (md5s[0] as string)
        : hashBytes(new TextEncoder().encode(md5s.join('\n'))),
  };
}
