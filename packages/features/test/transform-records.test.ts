import { describe, expect, it } from 'vitest';
import {
  FeatureColumnError,
  type FeatureRecord,
  fitPreprocessor,
  type PreprocessSpec,
  type TableLike,
  transformRecords,
  transformTable,
} from '../src/index';
import { categorical, numeric, rows, table } from './tables';

const sqft = [812.5, 1234.25, null, 2987.125, 1e6, 0.1, null, 4321];
const beds = [1, 2, 3, null, 2, 1, 4, 3];
const hood = ['Fremont', 'Ballard', null, 'Queen Anne', 'Downtown', 'Ballard', null, 'Fremont'];
const data = table([
  numeric('sqft', sqft),
  categorical('neighborhood', hood),
  numeric('beds', beds),
  numeric('price', [1, 2, 3, 4, 5, 6, 7, 8]),
]);

/** The rows of a table as serving records (what a client would send). */
function records(t: TableLike, indices: readonly number[]): FeatureRecord[] {
  return indices.map((row) => {
    const record: Record<string, number | string | null> = {};
    for (const [name, column] of t.columns) {
      if (column.kind === 'categorical') {
        const code = column.codes[row] as number;
        record[name] = code < 0 ? null : (column.levels[code] as string);
      } else {
        const v = column.values[row] as number;
        record[name] = Number.isNaN(v) ? null : v;
      }
    }
    return record;
  });
}

describe('transformRecords', () => {
  for (const numericMissing of ['mean', 'median', 'zero'] as const) {
    for (const categoricalMissing of ['mode', 'unknown'] as const) {
      it(`gives exactly the floats of transformTable (${numericMissing}, ${categoricalMissing})`, () => {
        const spec: PreprocessSpec = {
          features: [
            { name: 'sqft', type: 'numeric' },
            { name: 'neighborhood', type: 'categorical' },
            { name: 'beds', type: 'numeric' },
          ],
          target: { name: 'price', transform: 'log' },
          missing: { numeric: numericMissing, categorical: categoricalMissing },
        };
        const state = fitPreprocessor(data, spec, rows(0, 1, 2, 3, 5));
        const all = [0, 1, 2, 3, 4, 5, 6, 7];
        const fromTable = transformTable(state, data);
        const fromRecords = transformRecords(state, records(data, all));
        expect(fromRecords.width).toBe(fromTable.width);
        expect(fromRecords.rows).toBe(8);
        expect(Array.from(fromRecords.x)).toEqual(Array.from(fromTable.x));
        const some = transformTable(state, data, rows(6, 4));
        expect(Array.from(transformRecords(state, records(data, [6, 4])).x)).toEqual(
          Array.from(some.x),
        );
      });
    }
  }

  it('ignores extra fields and rejects absent features or values of the wrong type', () => {
    const state = fitPreprocessor(
      data,
      {
        features: [
          { name: 'sqft', type: 'numeric' },
          { name: 'neighborhood', type: 'categorical' },
        ],
        target: { name: 'price', transform: 'none' },
        missing: { numeric: 'mean', categorical: 'unknown' },
      },
      rows(0, 1, 2),
    );
    expect(transformRecords(state, [{ sqft: 1, neighborhood: 'x', extra: 'y' }]).rows).toBe(1);
    expect(() => transformRecords(state, [{ sqft: 1, neighborhood: 'x' }, { sqft: 1 }])).toThrow(
      /record 1: categorical feature "neighborhood" is absent/,
    );
    expect(() => transformRecords(state, [{ sqft: '12', neighborhood: 'x' }])).toThrow(
      FeatureColumnError,
    );
    expect(() => transformRecords(state, [{ sqft: 1, neighborhood: 3 }])).toThrow(
      /categorical feature "neighborhood" is number 3/,
    );
  });
});
