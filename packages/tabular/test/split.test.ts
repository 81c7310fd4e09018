import { describe, expect, it } from 'vitest';
import { SplitOptionsError } from '../src/errors';
import { parseCsv } from '../src/parse-csv';
import { splitRows } from '../src/split';
import type { Table } from '../src/types';

function table(n: number): Table {
  // Dates deliberately out of order, with ties.
  const rows = Array.from({ length: n }, (_, i) => {
    const day = ((i * 37) % n) >> 1;
    return `${new Date(Date.UTC(2023, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)},${i}`;
  });
  return parseCsv(Buffer.from(`sold,id\n${rows.join('\n')}\n`), 'sales.csv');
}

const all = (split: { train: Int32Array; validation: Int32Array; test: Int32Array }): number[] =>
  [...split.train, ...split.validation, ...split.test].sort((a, b) => a - b);

describe('splitRows', () => {
  const data = table(1000);
  const options = { validationFraction: 0.15, testFraction: 0.2 };

  it('splits at random with the requested proportions, covering every row once', () => {
    const split = splitRows(data, { method: 'random', ...options }, 42);
    expect(split.test.length).toBe(200);
    expect(split.validation.length).toBe(150);
    expect(split.train.length).toBe(650);
    expect(all(split)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('gives the same random split for the same seed and another for another seed', () => {
    const a = splitRows(data, { method: 'random', ...options }, 42);
    expect(splitRows(data, { method: 'random', ...options }, 42)).toEqual(a);
    expect(splitRows(data, { method: 'random', ...options }, 43).test).not.toEqual(a.test);
  });

  it('puts the earliest rows in train and the latest in test for a time split', () => {
    const split = splitRows(data, { method: 'time', timeColumn: 'sold', ...options }, 0);
    const times = (data.columns.get('sold') as { values: Float64Array }).values;
    const at = (rows: Int32Array) => [...rows].map((row) => times[row] ?? Number.NaN);
    const train = at(split.train);
    const validation = at(split.validation);
    const test = at(split.test);
    expect(Math.max(...train)).toBeLessThanOrEqual(Math.min(...validation));
    expect(Math.max(...validation)).toBeLessThanOrEqual(Math.min(...test));
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([
      650, 150, 200,
    ]);
    expect(all(split)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    // Stable: rows with the same time keep file order.
    for (let i = 1; i < split.train.length; i++) {
      if (train[i] === train[i - 1])
        expect(split.train[i] ?? 0).toBeGreaterThan(split.train[i - 1] ?? 0);
    }
  });

  it('rejects impossible fractions and unusable time columns', () => {
    expect(() =>
      splitRows(data, { method: 'random', validationFraction: 0.5, testFraction: 0.5 }, 1),
    ).toThrow(SplitOptionsError);
    expect(() =>
      splitRows(data, { method: 'random', validationFraction: -0.1, testFraction: 0.1 }, 1),
    ).toThrow(SplitOptionsError);
    expect(() => splitRows(data, { method: 'time', ...options }, 1)).toThrow(SplitOptionsError);
    expect(() => splitRows(data, { method: 'time', timeColumn: 'when', ...options }, 1)).toThrow(
      /"when" is missing/,
    );
    const gap = parseCsv(Buffer.from('sold\n2023-01-01\n\n2023-01-02\nNA\n'), 'gap.csv');
    expect(() =>
      splitRows(
        gap,
        { method: 'time', timeColumn: 'sold', validationFraction: 0, testFraction: 0.25 },
        1,
      ),
    ).toThrow('gap.csv: time column "sold" row 3: missing value');
  });
});
