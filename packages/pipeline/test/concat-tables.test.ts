import type { Table } from '@repo/tabular';
import { describe, expect, it } from 'vitest';
import { concatTables } from '../src/concat-tables';

const part = (source: string, values: number[], codes: number[], levels: string[]): Table => ({
  rowCount: values.length,
  source,
  columns: new Map([
    ['x', { kind: 'numeric', name: 'x', values: Float64Array.from(values) }],
    ['g', { kind: 'categorical', name: 'g', codes: Int32Array.from(codes), levels }],
  ]),
});

describe('concatTables', () => {
  it('appends rows and merges categorical levels by name', () => {
    const merged = concatTables([
      part('a.csv', [1, 2], [0, 1], ['x', 'y']),
      part('b.csv', [3], [0], ['y']),
    ]);
    expect(merged.rowCount).toBe(3);
    expect(Array.from((merged.columns.get('x') as { values: Float64Array }).values)).toEqual([
      1, 2, 3,
    ]);
    const g = merged.columns.get('g') as unknown as { codes: Int32Array; levels: string[] };
    expect(g.levels).toEqual(['x', 'y']);
    expect(Array.from(g.codes)).toEqual([0, 1, 1]);
  });

  it('names the file whose column is missing', () => {
    const other: Table = {
      rowCount: 1,
      source: 'c.csv',
      columns: new Map([['x', { kind: 'numeric', name: 'x', values: Float64Array.of(1) }]]),
    };
    expect(() => concatTables([part('a.csv', [1], [0], ['x']), other])).toThrow(
      /c\.csv: column "g"/,
    );
  });
});
