import { describe, expect, it } from 'vitest';
import { GeneratorOptionsError } from '../src/errors';
import { generateHouseSales } from '../src/house-sales';
import { parseCsv } from '../src/parse-csv';
import type { CategoricalColumn, NumericColumn, Table } from '../src/types';
import { toCsv } from '../src/write-csv';

const numeric = (t: Table, name: string) => (t.columns.get(name) as NumericColumn).values;

describe('generateHouseSales', () => {
  const table = generateHouseSales({ rows: 12_000, seed: 42, start: '2023-01-01', months: 30 });

  it('writes byte-identical CSV for the same seed and different CSV for another seed', () => {
    const again = generateHouseSales({ rows: 12_000, seed: 42, start: '2023-01-01', months: 30 });
    expect(toCsv(again)).toBe(toCsv(table));
    expect(toCsv(generateHouseSales({ rows: 12_000, seed: 43 }))).not.toBe(toCsv(table));
  });

  it('covers 30 months in date order with 8 neighborhoods and plausible values', () => {
    const dates = numeric(table, 'sale_date');
    expect(table.rowCount).toBe(12_000);
    expect(dates[0]).toBeGreaterThanOrEqual(Date.UTC(2023, 0, 1));
    expect(dates[dates.length - 1]).toBeLessThan(Date.UTC(2025, 6, 1));
    expect(dates[dates.length - 1]).toBeGreaterThanOrEqual(Date.UTC(2025, 5, 1));
    for (let i = 1; i < dates.length; i++)
      expect(dates[i]).toBeGreaterThanOrEqual(dates[i - 1] ?? 0);
    const hood = table.columns.get('neighborhood') as CategoricalColumn;
    expect(hood.levels).toHaveLength(8);
    expect(new Set(hood.codes).size).toBe(8);
    const condition = numeric(table, 'condition');
    expect(Math.min(...condition)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...condition)).toBeLessThanOrEqual(5);
    const price = numeric(table, 'price');
    expect(Math.min(...price)).toBeGreaterThan(50_000);
  });

  it('leaves 2 to 5% missing values in sqft_lot and year_built only', () => {
    for (const name of ['sqft_lot', 'year_built']) {
      const rate = numeric(table, name).filter(Number.isNaN).length / table.rowCount;
      expect(rate).toBeGreaterThan(0.02);
      expect(rate).toBeLessThan(0.05);
    }
    expect(numeric(table, 'price').some(Number.isNaN)).toBe(false);
  });

  it('drifts: the last six months cost more per square foot and houses are larger', () => {
    const dates = numeric(table, 'sale_date');
    const price = numeric(table, 'price');
    const sqft = numeric(table, 'sqft_living');
    const cut = Date.UTC(2025, 0, 1);
    const early = { ppsf: 0, sqft: 0, n: 0 };
    const late = { ppsf: 0, sqft: 0, n: 0 };
    for (let i = 0; i < table.rowCount; i++) {
      const bucket =
        (dates[i] ?? 0) < Date.UTC(2023, 6, 1) ? early : (dates[i] ?? 0) >= cut ? late : null;
      if (bucket === null) continue;
      bucket.ppsf += (price[i] ?? 0) / (sqft[i] ?? 1);
      bucket.sqft += sqft[i] ?? 0;
      bucket.n++;
    }
    expect(late.ppsf / late.n).toBeGreaterThan((early.ppsf / early.n) * 1.05);
    expect(late.sqft / late.n).toBeGreaterThan((early.sqft / early.n) * 1.03);
  });

  it('reads back from its CSV with the same columns and kinds', () => {
    const back = parseCsv(Buffer.from(toCsv(table)), 'houses.csv');
    expect([...back.columns.values()].map((c) => `${c.name}:${c.kind}`)).toEqual(
      [...table.columns.values()].map((c) => `${c.name}:${c.kind}`),
    );
    expect(numeric(back, 'lat')).toEqual(numeric(table, 'lat'));
  });

  it('generates and serialises 12,000 rows in well under a second', () => {
    const started = performance.now();
    toCsv(generateHouseSales({ seed: 7 }));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects impossible options', () => {
    expect(() => generateHouseSales({ rows: 0 })).toThrow(GeneratorOptionsError);
    expect(() => generateHouseSales({ months: 0 })).toThrow(GeneratorOptionsError);
    expect(() => generateHouseSales({ start: 'January' })).toThrow(GeneratorOptionsError);
  });
});
