import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/parse-csv';
import type { Table } from '../src/types';
import { toCsv, writeCsv } from '../src/write-csv';

const table: Table = {
  rowCount: 3,
  source: 'memory',
  columns: new Map([
    [
      'when',
      {
        kind: 'date',
        name: 'when',
        values: Float64Array.of(Date.UTC(2023, 0, 2), Date.UTC(2023, 0, 2, 6, 30), Number.NaN),
      },
    ],
    ['x', { kind: 'numeric', name: 'x', values: Float64Array.of(0.1, Number.NaN, -3e-9) }],
    [
      'label',
      {
        kind: 'categorical',
        name: 'label',
        codes: Int32Array.of(0, -1, 1),
        levels: ['a, "b"', 'plain'],
      },
    ],
  ]),
};

describe('toCsv', () => {
  it('writes dates as ISO text, missing values as empty fields and quotes text when needed', () => {
    expect(toCsv(table)).toBe(
      'when,x,label\n2023-01-02,0.1,"a, ""b"""\n2023-01-02T06:30:00.000Z,,\n,-3e-9,plain\n',
    );
  });

  it('round-trips through parseCsv to the same values', () => {
    const back = parseCsv(Buffer.from(toCsv(table)), 'memory');
    expect(back.columns.get('when')).toEqual(table.columns.get('when'));
    expect(back.columns.get('x')).toEqual(table.columns.get('x'));
    expect(back.columns.get('label')).toEqual(table.columns.get('label'));
  });
});

describe('writeCsv', () => {
  it('writes the same bytes as toCsv, also across chunk boundaries', async () => {
    const rows = 40_000;
    const big: Table = {
      rowCount: rows,
      source: 'memory',
      columns: new Map([
        [
          'i',
          {
            kind: 'numeric',
            name: 'i',
            values: Float64Array.from({ length: rows }, (_, i) => i / 7),
          },
        ],
      ]),
    };
    const dir = await mkdtemp(join(tmpdir(), 'tabular-write-'));
    try {
      const path = join(dir, 'out.csv');
      await writeCsv(big, path);
      expect(await readFile(path, 'utf8')).toBe(toCsv(big));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
