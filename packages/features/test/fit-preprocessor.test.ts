import { describe, expect, it } from 'vitest';
import {
  FeatureColumnError,
  FeatureFitError,
  fitPreprocessor,
  type NumericFeatureState,
  type PreprocessSpec,
  RowIndexError,
  TargetTransformError,
} from '../src/index';
import { categorical, date, numeric, rows, table } from './tables';

const spec: PreprocessSpec = {
  features: [
    { name: 'sqft', type: 'numeric' },
    { name: 'neighborhood', type: 'categorical' },
  ],
  target: { name: 'price', transform: 'none' },
  missing: { numeric: 'mean', categorical: 'unknown' },
};

function numericState(state: ReturnType<typeof fitPreprocessor>, i = 0): NumericFeatureState {
  const feature = state.features[i];
  if (feature?.kind !== 'numeric') throw new Error(`feature ${i} is not numeric`);
  return feature;
}

describe('fitPreprocessor', () => {
  it('uses only the training rows, so extreme test rows do not leak into the statistics', () => {
    const data = table([
      numeric('sqft', [100, 200, 300, 400, 1e9, 2e9]),
      categorical('neighborhood', ['Fremont', 'Ballard', 'Fremont', 'Ballard', 'Downtown', null]),
      numeric('price', [1, 2, 3, 4, 1e12, 1e12]),
    ]);
    const state = fitPreprocessor(
      data,
      { ...spec, target: { name: 'price', transform: 'standardize' } },
      rows(0, 1, 2, 3),
    );
    const sqft = numericState(state);
    expect(sqft.mean).toBe(250);
    expect(sqft.std).toBeCloseTo(Math.sqrt((150 ** 2 + 50 ** 2 + 50 ** 2 + 150 ** 2) / 4), 12);
    expect(state.features[1]).toMatchObject({ levels: ['Ballard', 'Fremont'] });
    expect(state.target).toEqual({
      name: 'price',
      transform: 'standardize',
      mean: 2.5,
      std: Math.sqrt(1.25),
    });
  });

  it('imputes numeric features with the training mean, then standardizes the imputed column', () => {
    const data = table([
      numeric('sqft', [1, null, 3, 10]),
      categorical('neighborhood', ['a', 'b', 'a', 'b']),
      numeric('price', [1, 1, 1, 1]),
    ]);
    const sqft = numericState(fitPreprocessor(data, spec, rows(0, 1, 2, 3)));
    const m = 14 / 3;
    expect(sqft.imputeValue).toBeCloseTo(m, 12);
    expect(sqft.mean).toBeCloseTo(m, 12);
    const variance = ((1 - m) ** 2 + 0 + (3 - m) ** 2 + (10 - m) ** 2) / 4;
    expect(sqft.std).toBeCloseTo(Math.sqrt(variance), 12);
  });

  it('imputes with the median or zero when asked', () => {
    const data = table([
      numeric('sqft', [1, null, 3, 10]),
      categorical('neighborhood', ['a', 'b', 'a', 'b']),
      numeric('price', [1, 1, 1, 1]),
    ]);
    const all = rows(0, 1, 2, 3);
    const median = numericState(
      fitPreprocessor(data, { ...spec, missing: { ...spec.missing, numeric: 'median' } }, all),
    );
    expect(median.imputeValue).toBe(3);
    expect(median.mean).toBe(4.25);
    expect(median.std).toBeCloseTo(Math.sqrt((3.25 ** 2 + 1.25 ** 2 * 2 + 5.75 ** 2) / 4), 12);
    const zero = numericState(
      fitPreprocessor(data, { ...spec, missing: { ...spec.missing, numeric: 'zero' } }, all),
    );
    expect(zero.imputeValue).toBe(0);
    expect(zero.mean).toBe(3.5);
  });

  it('replaces a zero standard deviation by 1', () => {
    const data = table([
      numeric('sqft', [7, 7, 7]),
      categorical('neighborhood', ['a', 'a', 'a']),
      numeric('price', [1, 2, 3]),
    ]);
    expect(numericState(fitPreprocessor(data, spec, rows(0, 1, 2)))).toMatchObject({
      mean: 7,
      std: 1,
    });
  });

  it('sorts categorical levels and takes the most frequent as the mode, ties to the first', () => {
    const data = table([
      numeric('sqft', [1, 2, 3, 4, 5]),
      categorical('neighborhood', ['Queen Anne', 'Ballard', 'Queen Anne', 'Ballard', null]),
      numeric('price', [1, 2, 3, 4, 5]),
    ]);
    const state = fitPreprocessor(
      data,
      { ...spec, missing: { ...spec.missing, categorical: 'mode' } },
      rows(0, 1, 2, 3, 4),
    );
    expect(state.features[1]).toEqual({
      kind: 'categorical',
      name: 'neighborhood',
      missing: 'mode',
      levels: ['Ballard', 'Queen Anne'],
      imputeLevel: 'Ballard',
    });
    expect(state.featureNames).toEqual(['sqft', 'neighborhood=Ballard', 'neighborhood=Queen Anne']);
  });

  it('adds an unknown slot to the feature names with the unknown strategy', () => {
    const data = table([
      numeric('sqft', [1, 2]),
      categorical('neighborhood', ['b', 'a']),
      numeric('price', [1, 2]),
    ]);
    expect(fitPreprocessor(data, spec, rows(0, 1)).featureNames).toEqual([
      'sqft',
      'neighborhood=a',
      'neighborhood=b',
      'neighborhood=(unknown)',
    ]);
  });

  it('rejects a missing column and a column of the wrong kind, naming the column', () => {
    const data = table([
      date('sqft', [1, 2]),
      categorical('neighborhood', ['b', 'a']),
      numeric('price', [1, 2]),
    ]);
    expect(() => fitPreprocessor(data, spec, rows(0, 1))).toThrow(FeatureColumnError);
    expect(() => fitPreprocessor(data, spec, rows(0, 1))).toThrow(
      /test\.csv: feature column "sqft" is date but must be numeric/,
    );
    const noTarget = { ...spec, target: { name: 'cost', transform: 'none' as const } };
    const withSqft = table([
      numeric('sqft', [1, 2]),
      categorical('neighborhood', ['b', 'a']),
      numeric('price', [1, 2]),
    ]);
    expect(() => fitPreprocessor(withSqft, noTarget, rows(0, 1))).toThrow(
      /target column "cost" not found/,
    );
  });

  it('rejects a log target that is not positive, naming the row', () => {
    const data = table([
      numeric('sqft', [1, 2, 3]),
      categorical('neighborhood', ['b', 'a', 'a']),
      numeric('price', [5, 0, -1]),
    ]);
    const logSpec = { ...spec, target: { name: 'price', transform: 'log' as const } };
    expect(() => fitPreprocessor(data, logSpec, rows(0, 2))).toThrow(TargetTransformError);
    expect(() => fitPreprocessor(data, logSpec, rows(0, 2))).toThrow(/row 3: target "price" is -1/);
    expect(fitPreprocessor(data, logSpec, rows(0)).target).toEqual({
      name: 'price',
      transform: 'log',
      mean: Math.log(5),
      std: 1,
    });
  });

  it('rejects a feature with no training value to impute from, and rows outside the table', () => {
    const data = table([
      numeric('sqft', [null, null, 5]),
      categorical('neighborhood', ['b', 'a', 'a']),
      numeric('price', [1, 2, 3]),
    ]);
    expect(() => fitPreprocessor(data, spec, rows(0, 1))).toThrow(FeatureFitError);
    expect(() => fitPreprocessor(data, spec, rows(0, 3))).toThrow(RowIndexError);
  });
});
