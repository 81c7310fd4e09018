import { describe, expect, it } from 'vitest';
import { categoricalColumn, dateColumn, numericColumn } from '../src/columns';
import { ColumnKindError, ColumnNotFoundError } from '../src/errors';
import { parseCsv } from '../src/parse-csv';

const table = parseCsv(Buffer.from('x,c,d\n1,a,2023-01-01\n'), 'sales.csv');

describe('column accessors', () => {
  it('return columns of the asked kind', () => {
    expect(numericColumn(table, 'x').values[0]).toBe(1);
    expect(categoricalColumn(table, 'c').levels).toEqual(['a']);
    expect(dateColumn(table, 'd').values[0]).toBe(Date.UTC(2023, 0, 1));
  });

  it('throw a clear error for a missing column or another kind', () => {
    expect(() => numericColumn(table, 'y')).toThrow(ColumnNotFoundError);
    expect(() => numericColumn(table, 'y')).toThrow(
      'sales.csv: column "y" not found; the table has: x, c, d',
    );
    expect(() => numericColumn(table, 'c')).toThrow(ColumnKindError);
    expect(() => numericColumn(table, 'c')).toThrow(
      'sales.csv: column "c" is categorical, expected numeric',
    );
    expect(() => categoricalColumn(table, 'x')).toThrow(
      'column "x" is numeric, expected categorical',
    );
  });
});
