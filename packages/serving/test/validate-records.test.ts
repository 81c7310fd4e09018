import type { PreprocessorState } from '@repo/features';
import { describe, expect, it } from 'vitest';
import { InvalidRecordError } from '../src/errors';
import { featureRules, findWarnings, validateRecords } from '../src/validate-records';

const state: PreprocessorState = {
  version: 1,
  features: [
    { kind: 'numeric', name: 'sqft', missing: 'median', imputeValue: 1500, mean: 1600, std: 400 },
    {
      kind: 'categorical',
      name: 'city',
      missing: 'unknown',
      levels: ['a', 'b'],
      imputeLevel: null,
    },
  ],
  target: { name: 'price', transform: 'none' },
  featureNames: ['sqft', 'city=a', 'city=b', 'city=(unknown)'],
};

function failure(records: unknown): InvalidRecordError {
  try {
    validateRecords(state, records);
  } catch (error) {
    if (error instanceof InvalidRecordError) return error;
    throw error;
  }
  throw new Error('validateRecords accepted the records');
}

describe('validateRecords', () => {
  it('accepts numbers, strings, nulls and extra keys', () => {
    expect(() =>
      validateRecords(state, [
        { sqft: 1200, city: 'a' },
        { sqft: null, city: null, note: 'ignored' },
        { sqft: 0, city: 'never seen' },
      ]),
    ).not.toThrow();
  });

  it('names the record and field of an absent feature', () => {
    const error = failure([{ sqft: 1, city: 'a' }, { sqft: 2 }]);
    expect(error).toMatchObject({ record: 1, field: 'city' });
    expect(error.message).toMatch(/record 1: categorical feature "city".*absent/);
  });

  it('names the record and field of a value of the wrong type', () => {
    expect(failure([{ sqft: '1200', city: 'a' }])).toMatchObject({ record: 0, field: 'sqft' });
    expect(failure([{ sqft: 1, city: 7 }])).toMatchObject({ record: 0, field: 'city' });
    expect(failure([{ sqft: true, city: 'a' }]).message).toMatch(/boolean true/);
    expect(failure([{ sqft: Number.POSITIVE_INFINITY, city: 'a' }]).field).toBe('sqft');
  });

  it('does not take inherited properties for features', () => {
    const inherited = Object.create({ sqft: 1, city: 'a' }) as object;
    expect(failure([inherited])).toMatchObject({ record: 0, field: 'sqft' });
  });

  it('refuses records that are not objects and a body that is not a list', () => {
    expect(failure([{ sqft: 1, city: 'a' }, [1, 'a']])).toMatchObject({ record: 1, field: '' });
    expect(failure([null])).toMatchObject({ record: 0, field: '' });
    expect(failure({ sqft: 1 })).toMatchObject({ record: -1 });
  });
});

describe('featureRules and findWarnings', () => {
  const rules = featureRules(state, [{ name: 'sqft', min: 100, max: 10000 }]);

  it('take the declared range of numeric features and the training levels of categorical ones', () => {
    expect(rules).toEqual([
      { name: 'sqft', kind: 'numeric', min: 100, max: 10000 },
      { name: 'city', kind: 'categorical', levels: new Set(['a', 'b']) },
    ]);
  });

  it('find nothing in records within range and of known levels, nulls included', () => {
    expect(
      findWarnings(rules, [
        { sqft: 100, city: 'a' },
        { sqft: 10000, city: null },
        { sqft: null, city: 'b' },
      ]),
    ).toBeUndefined();
  });

  it('list the warnings of each record, aligned with the records', () => {
    const warnings = findWarnings(rules, [
      { sqft: 99, city: 'a' },
      { sqft: 500, city: 'a' },
      { sqft: 20000, city: 'c' },
    ]);
    expect(warnings?.map((list) => list.map((w) => `${w.field}:${w.kind}`))).toEqual([
      ['sqft:out-of-range'],
      [],
      ['sqft:out-of-range', 'city:unseen-category'],
    ]);
  });

  it('check only the bounds a feature declares', () => {
    const open = featureRules(state, [{ name: 'sqft', min: 0 }]);
    expect(findWarnings(open, [{ sqft: 1e9, city: 'a' }])).toBeUndefined();
    expect(findWarnings(open, [{ sqft: -1, city: 'a' }])?.[0]?.[0]?.message).toBe(
      '"sqft" is -1, outside the declared range [0, ∞]',
    );
  });
});
