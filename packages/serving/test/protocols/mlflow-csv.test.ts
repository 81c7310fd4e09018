import { describe, expect, it } from 'vitest';
import { InvalidRecordError, RequestBodyError } from '../../src/errors';
import { recordsFromCsv } from '../../src/protocols/mlflow-csv';
import type { FeatureRule } from '../../src/validate-records';

const features: FeatureRule[] = [
  { name: 'sqft', kind: 'numeric' },
  { name: 'city', kind: 'categorical' },
];
const bytes = (text: string) => new TextEncoder().encode(text);

describe('recordsFromCsv', () => {
  it('reads the feature columns in any order, missing values as null, other columns ignored', () => {
    const text = 'note,city,sqft\nx,"Capitol Hill, north",1200.5\ny,,NA\nz,7,3\n';
    expect(recordsFromCsv(bytes(text), features)).toEqual([
      { sqft: 1200.5, city: 'Capitol Hill, north' },
      { sqft: null, city: null },
      { sqft: 3, city: '7' },
    ]);
  });

  it('reads a header without rows as no records', () => {
    expect(recordsFromCsv(bytes('sqft,city\n'), features)).toEqual([]);
  });

  it('names the record and field of a value that is not a number', () => {
    try {
      recordsFromCsv(bytes('sqft,city\n1,a\nbig,b\n'), features);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidRecordError);
      expect(error).toMatchObject({ record: 1, field: 'sqft' });
    }
  });

  it('names a feature without a column, and refuses a malformed body', () => {
    expect(() => recordsFromCsv(bytes('sqft\n1\n'), features)).toThrowError(
      expect.objectContaining({ record: 0, field: 'city' }),
    );
    expect(() => recordsFromCsv(bytes('sqft,city\n1,"a\n'), features)).toThrow(RequestBodyError);
  });
});
