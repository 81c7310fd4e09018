import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoricalColumn, dateColumn, numericColumn } from '../src/columns';
import { CsvFormatError, CsvTypeError } from '../src/errors';
import { parseCsv } from '../src/parse-csv';
import { readCsv } from '../src/read-csv';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const datasets = resolve(repoRoot, '..', 'shared', 'datasets');
const kingCounty = join(datasets, 'kc-house-sales', 'kc_house_data.csv');
const california = join(datasets, 'california-housing', 'housing.csv');

describe('readCsv', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tabular-read-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file from disk and names it in the table and in errors', async () => {
    const path = join(dir, 'sales.csv');
    await writeFile(path, 'sqft,city\n1200,Kent\n900,Renton\n');
    const table = await readCsv(path);
    expect(table.source).toBe(path);
    expect([...numericColumn(table, 'sqft').values]).toEqual([1200, 900]);
    await writeFile(path, 'sqft,city\n1200,Kent\nabc,Renton\n');
    await expect(readCsv(path, { types: { sqft: 'numeric' } })).rejects.toThrow(
      `${path}: column "sqft" row 2 (line 3): expected a number, found "abc"`,
    );
    await expect(readCsv(path, { types: { sqft: 'numeric' } })).rejects.toBeInstanceOf(
      CsvTypeError,
    );
  });
});

describe('the shared real data sets', () => {
  it.skipIf(!existsSync(kingCounty))(
    'loads the King County house sales with their compact dates',
    async () => {
      const table = await readCsv(kingCounty, { types: { zipcode: 'categorical' } });
      expect(table.rowCount).toBe(21_612);
      expect(table.columns.size).toBe(21);
      const date = dateColumn(table, 'date');
      // The first sale is dated 20141013T000000.
      expect(date.values[0]).toBe(Date.UTC(2014, 9, 13));
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (const value of date.values) {
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
      expect(new Date(min).toISOString().slice(0, 10)).toBe('2014-05-02');
      expect(new Date(max).toISOString().slice(0, 10)).toBe('2015-05-27');
      expect(numericColumn(table, 'price').values[0]).toBe(221_900);
      expect(numericColumn(table, 'lat').values[0]).toBeCloseTo(47.5112, 10);
      expect(categoricalColumn(table, 'zipcode').levels.length).toBe(70);
    },
  );

  it.skipIf(!existsSync(california))(
    'reports the stray closing line of the California housing file as a format error',
    async () => {
      // This copy is wrapped in a Python bytes literal: `b'` before the header, a `'` line at the end.
      const error = await readCsv(california).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CsvFormatError);
      expect((error as CsvFormatError).row).toBe(20_641);
      expect((error as CsvFormatError).message).toContain('expected 10 fields, found 1');
    },
  );

  it.skipIf(!existsSync(california))(
    'loads California housing with 207 missing bedroom counts and 5 ocean proximity levels',
    () => {
      let text = readFileSync(california, 'utf8');
      if (text.startsWith("b'")) text = text.slice(2).replace(/\n'\n?$/, '\n');
      const table = parseCsv(Buffer.from(text), california);
      expect(table.rowCount).toBe(20_640);
      expect([...table.columns.keys()][0]).toBe('longitude');
      const bedrooms = numericColumn(table, 'total_bedrooms').values;
      expect(bedrooms.filter(Number.isNaN).length).toBe(207);
      const ocean = categoricalColumn(table, 'ocean_proximity');
      expect([...ocean.levels].sort()).toEqual([
        '<1H OCEAN',
        'INLAND',
        'ISLAND',
        'NEAR BAY',
        'NEAR OCEAN',
      ]);
      expect(ocean.codes.every((code) => code >= 0)).toBe(true);
    },
  );
});
