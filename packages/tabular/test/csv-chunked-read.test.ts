import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChunk } from '../src/csv-chunk';
import { readChunked } from '../src/csv-chunked-read';
import type { CsvReadOptions } from '../src/csv-options';
import { type ChunkParser, workerParser } from '../src/csv-worker-pool';
import { CsvFormatError, CsvTypeError, CsvWorkerError, EmptyDataError } from '../src/errors';
import { parseCsv } from '../src/parse-csv';
import { readCsv } from '../src/read-csv';
import type { Table } from '../src/types';

const WORKERS = [1, 2, 3, 4];

/** A table as plain data: kinds, values (NaN kept), levels in order, codes. */
function snapshot(table: Table): unknown {
  return {
    rowCount: table.rowCount,
    columns: [...table.columns.values()].map((column) =>
      column.kind === 'categorical'
        ? { ...column, codes: [...column.codes] }
        : { ...column, values: [...column.values] },
    ),
  };
}

/** Rows whose quoted fields hold commas, doubled quotes and line breaks, every few rows. */
function trickyCsv(rows: number, eol: string): string {
  const lines = ['id,name,price,sold,note'];
  const names = ['"Smith, J"', '"say ""hi"""', `"two${eol}lines"`, 'plain', '', '"a""b,c"'];
  for (let i = 0; i < rows; i++) {
    const sold = i % 7 === 0 ? '' : `2023-0${1 + (i % 9)}-1${i % 10}`;
    const note = i % 5 === 0 ? `"line${eol}""${i}"",${eol}end"` : `n${i % 3}`;
    lines.push(`${i},${names[i % names.length]},${(i * 1.25).toFixed(2)},${sold},${note}`);
  }
  return lines.join(eol) + eol;
}

/** `readCsv` through chunks of `blockBytes` on `workers` threads, recording each chunk. */
async function readInChunks(
  path: string,
  workers: number,
  blockBytes: number,
  options: CsvReadOptions = {},
): Promise<{ table: Table; chunks: number }> {
  const inner: ChunkParser =
    workers === 1
      ? { parse: async (b, s, e, p) => parseChunk(Buffer.from(b), s, e, p) }
      : workerParser(workers);
  let chunks = 0;
  const parser: ChunkParser = {
    parse: (buffer, start, end, plan) => {
      chunks++;
      return inner.parse(buffer, start, end, plan);
    },
  };
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const settings = { parser, blockBytes, inFlight: workers * 2 };
    return { table: await readChunked(file, size, path, options, settings), chunks };
  } finally {
    await file.close();
  }
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('readCsv in chunks on worker threads', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tabular-chunks-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the single-thread table for 1 to 4 workers with quoted fields across every cut', async () => {
    for (const eol of ['\n', '\r\n']) {
      const text = trickyCsv(60, eol);
      const path = join(dir, `tricky-${eol.length}.csv`);
      await writeFile(path, text);
      const expected = snapshot(parseCsv(Buffer.from(text), path));
      // Block sizes from 24 to 90 bytes put a block's end at every byte of the quoted fields.
      for (let blockBytes = 24; blockBytes <= 90; blockBytes += 1) {
        for (const workers of WORKERS) {
          const { table, chunks } = await readInChunks(path, workers, blockBytes);
          expect(chunks).toBeGreaterThan(20);
          expect(snapshot(table), `${eol.length} ${blockBytes} bytes, ${workers}`).toEqual(
            expected,
          );
        }
      }
    }
  });

  it('reads a file without a final line end and one with a header only', async () => {
    const last = join(dir, 'no-final-newline.csv');
    const text = trickyCsv(30, '\n').trimEnd();
    await writeFile(last, text);
    const expected = snapshot(parseCsv(Buffer.from(text), last));
    const headerOnly = join(dir, 'header-only.csv');
    await writeFile(headerOnly, 'a,b,c\n');
    for (const workers of WORKERS) {
      expect(snapshot((await readInChunks(last, workers, 40)).table)).toEqual(expected);
      const error = await rejection(readInChunks(headerOnly, workers, 40));
      expect(error).toBeInstanceOf(EmptyDataError);
      expect(error.message).toBe(`${headerOnly}: the file has a header but no data rows`);
    }
  });

  it('names the file, the 1-based row, the line and the column of a bad value in the last chunk', async () => {
    const path = join(dir, 'bad-last.csv');
    await writeFile(path, `${trickyCsv(60, '\n')}61,x,oops,2023-01-01,n\n`);
    for (const workers of WORKERS) {
      const error = await rejection(
        readInChunks(path, workers, 64, { types: { price: 'numeric' } }),
      );
      expect(error).toBeInstanceOf(CsvTypeError);
      // 60 data rows span 60 lines, 24 line breaks in notes and 10 in names after the header.
      expect(error.message).toBe(
        `${path}: column "price" row 61 (line 96): expected a number, found "oops"`,
      );
      expect(error).toMatchObject({ file: path, column: 'price', row: 61, line: 96 });
    }
  });

  it('reports a short row in a later chunk with its row in the file', async () => {
    const path = join(dir, 'short-row.csv');
    const rows = Array.from({ length: 200 }, (_, i) => (i === 150 ? '7' : `${i},${i % 4}`));
    await writeFile(path, `a,b\n${rows.join('\n')}\n`);
    for (const workers of WORKERS) {
      const error = await rejection(readInChunks(path, workers, 50));
      expect(error).toBeInstanceOf(CsvFormatError);
      expect(error.message).toBe(
        `${path}: row 151 (line 152): expected 2 fields, found 1 (column "b" is missing)`,
      );
    }
  });

  it('infers the kind of the whole file when a later chunk widens a column', async () => {
    const path = join(dir, 'widening.csv');
    const rows = Array.from({ length: 120 }, (_, i) => {
      const zip = i === 100 ? 'K1A' : String(98000 + (i % 13));
      const when = i < 10 ? '' : i === 110 ? '2023-05-06' : '';
      return `${zip},${when},${i}`;
    });
    const text = `zip,when,n\n${rows.join('\n')}\n`;
    await writeFile(path, text);
    const expected = parseCsv(Buffer.from(text), path);
    expect(expected.columns.get('zip')?.kind).toBe('categorical');
    expect(expected.columns.get('when')?.kind).toBe('date');
    for (const workers of WORKERS) {
      const { table } = await readInChunks(path, workers, 64);
      expect(snapshot(table)).toEqual(snapshot(expected));
    }
  });

  it('keeps only the asked columns with their declared kinds after a byte order mark', async () => {
    const path = join(dir, 'bom-columns.csv');
    const text = `\uFEFF${trickyCsv(80, '\r\n')}`;
    await writeFile(path, text);
    const options: CsvReadOptions = {
      columns: ['id', 'name', 'note'],
      types: { id: 'categorical', note: 'categorical' },
    };
    const expected = snapshot(parseCsv(Buffer.from(text), path, options));
    for (const workers of WORKERS) {
      const { table } = await readInChunks(path, workers, 48, options);
      expect([...table.columns.keys()]).toEqual(['id', 'name', 'note']);
      expect(table.columns.get('id')?.kind).toBe('categorical');
      expect(snapshot(table)).toEqual(expected);
    }
  });

  it('uses worker threads for a file of 1 MiB or more and gives the same table', async () => {
    const path = join(dir, 'big.csv');
    const text = trickyCsv(30_000, '\r\n');
    await writeFile(path, text);
    expect(text.length).toBeGreaterThan(2 ** 20);
    const expected = snapshot(parseCsv(Buffer.from(text), path));
    for (const workers of WORKERS) {
      const table = await readCsv(path, { workers }, { blockBytes: 256 << 10 });
      expect(snapshot(table)).toEqual(expected);
    }
  });

  it('rejects a number of workers that is not a whole number of at least 1', async () => {
    const path = join(dir, 'workers.csv');
    await writeFile(path, trickyCsv(20, '\n'));
    const error = await rejection(readCsv(path, { workers: 0 }, { parallelMinBytes: 0 }));
    expect(error).toBeInstanceOf(CsvWorkerError);
    expect(error.message).toContain('workers: 0 is not a whole number of workers');
  });
});
