import { describe, expect, it } from 'vitest';
import { SmokeRecordError, smokeRecord } from '../src/smoke-record';

const profile = {
  rows: 10,
  columns: {
    sqft: {
      kind: 'numeric' as const,
      count: 10,
      missing: 0,
      mean: 1500,
      std: 100,
      min: 800,
      max: 3000,
      deciles: [800, 900, 1000, 1100, 1200, 1400, 1600, 1800, 2000, 2500, 3000],
      histogram: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    },
    city: {
      kind: 'categorical' as const,
      count: 10,
      missing: 0,
      frequencies: { b: 4, a: 4, c: 2 },
    },
  },
};

describe('smokeRecord', () => {
  it('takes the median of numeric inputs and the most frequent level of categorical ones', () => {
    const record = smokeRecord(
      profile,
      [
        { name: 'sqft', type: 'numeric' },
        { name: 'city', type: 'categorical' },
      ],
      'profile.json',
    );
    expect(record).toEqual({ sqft: 1400, city: 'a' });
  });

  it('refuses a profile without an input column, or of another kind, naming the column', () => {
    expect(() => smokeRecord(profile, [{ name: 'rooms', type: 'numeric' }], 'p.json')).toThrow(
      new SmokeRecordError('p.json: no profile of input column "rooms"'),
    );
    expect(() => smokeRecord(profile, [{ name: 'city', type: 'numeric' }], 'p.json')).toThrow(
      /column "city" is profiled as categorical/,
    );
    expect(() => smokeRecord(profile, [{ name: 'sqft', type: 'date' }], 'p.json')).toThrow(
      /unknown type "date"/,
    );
  });
});
