import { describe, expect, it } from 'vitest';
import { InvalidRecordError, RequestBodyError } from '../../src/errors';
import { recordsFromColumns, recordsFromRows } from '../../src/protocols/shared';
import type { FeatureRule } from '../../src/validate-records';

const features: FeatureRule[] = [
  { name: 'sqft', kind: 'numeric' },
  { name: 'city', kind: 'categorical', levels: new Set(['a']) },
];

describe('recordsFromRows', () => {
  it('keeps the features of each row, unwrapping one-element lists', () => {
    expect(
      recordsFromRows(
        [
          { sqft: [1], city: 'a', extra: 2 },
          { sqft: 2, city: ['b'] },
        ],
        features,
        'rows',
      ),
    ).toEqual([
      { sqft: 1, city: 'a' },
      { sqft: 2, city: 'b' },
    ]);
  });

  it('leaves rows that are not objects for validateRecords, and refuses a non-list', () => {
    expect(recordsFromRows([1, null], features, 'rows')).toEqual([1, null]);
    expect(() => recordsFromRows({}, features, 'rows')).toThrow(RequestBodyError);
  });
});

describe('recordsFromColumns', () => {
  it('turns a column per feature into a record per row', () => {
    expect(
      recordsFromColumns({ sqft: [1, [2]], city: ['a', null], x: [] }, features, 'cols'),
    ).toEqual([
      { sqft: 1, city: 'a' },
      { sqft: 2, city: null },
    ]);
  });

  it('names a feature without a column, and refuses columns of different lengths', () => {
    expect(() => recordsFromColumns({ sqft: [1] }, features, 'cols')).toThrowError(
      expect.objectContaining({ constructor: InvalidRecordError, record: 0, field: 'city' }),
    );
    expect(() => recordsFromColumns({ sqft: [1, 2], city: ['a'] }, features, 'cols')).toThrow(
      /"city" has 1 values but other features have 2/,
    );
    expect(() => recordsFromColumns({ sqft: 1, city: ['a'] }, features, 'cols')).toThrow(
      RequestBodyError,
    );
  });
});
