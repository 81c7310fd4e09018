import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/parse-csv';
import { filterRows, selectColumns, selectRows } from '../src/select';
import type { CategoricalColumn, NumericColumn } from '../src/types';

const table = parseCsv(Buffer.from('x,c\n10,a\n20,b\n30,\n40,a\n'), 't.csv');
const xs = (t: typeof table) => [...(t.columns.get('x') as NumericColumn).values];

describe('selectRows', () => {
  it('gathers rows in the given order into new arrays, sharing levels', () => {
    const picked = selectRows(table, Int32Array.of(3, 0, 2, 3));
    expect(picked.rowCount).toBe(4);
    expect(xs(picked)).toEqual([40, 10, 30, 40]);
    const c = picked.columns.get('c') as CategoricalColumn;
    expect([...c.codes]).toEqual([0, 0, -1, 0]);
    expect(c.levels).toBe((table.columns.get('c') as CategoricalColumn).levels);
    expect(() => selectRows(table, [4])).toThrow(RangeError);
  });
});

describe('filterRows', () => {
  it('keeps the rows a predicate accepts', () => {
    expect(xs(filterRows(table, (row) => row % 2 === 1))).toEqual([20, 40]);
  });
});

describe('selectColumns', () => {
  it('keeps the named columns in the given order', () => {
    expect([...selectColumns(table, ['c', 'x']).columns.keys()]).toEqual(['c', 'x']);
    expect(() => selectColumns(table, ['nope'])).toThrow('t.csv: column "nope" not found');
  });
});
