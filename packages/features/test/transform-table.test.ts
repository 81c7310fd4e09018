import { describe, expect, it } from 'vitest';
import { fitPreprocessor, type PreprocessSpec, transformTable } from '../src/index';
import { categorical, numeric, rows, table } from './tables';

const data = table([
  numeric('sqft', [1000, 2000, null, 3000, 99999, null]),
  categorical('neighborhood', ['Fremont', 'Ballard', 'Ballard', null, 'Downtown', null]),
  numeric('price', [1, 2, 3, 4, 5, 6]),
]);
const train = rows(0, 1, 2, 3);
const test = rows(4, 5);

function spec(categoricalMissing: 'mode' | 'unknown'): PreprocessSpec {
  return {
    features: [
      { name: 'sqft', type: 'numeric' },
      { name: 'neighborhood', type: 'categorical' },
    ],
    target: { name: 'price', transform: 'none' },
    missing: { numeric: 'mean', categorical: categoricalMissing },
  };
}

describe('transformTable', () => {
  it('standardizes numeric features with hand-computed training statistics', () => {
    const state = fitPreprocessor(data, spec('unknown'), train);
    // Training sqft: 1000, 2000, (missing → 2000), 3000: mean 2000, std √(500000) ≈ 707.107.
    const std = Math.sqrt((1000 ** 2 + 0 + 0 + 1000 ** 2) / 4);
    const { x, width, rows: n } = transformTable(state, data, train);
    expect(width).toBe(4); // sqft, Ballard, Fremont, (unknown)
    expect(n).toBe(4);
    const sqft = [0, 1, 2, 3].map((r) => x[r * width] as number);
    const expected = [-1000 / std, 0, 0, 1000 / std];
    sqft.forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i] as number, 6);
    });
  });

  it('imputes missing test values with the training statistic', () => {
    const state = fitPreprocessor(data, spec('unknown'), train);
    const { x, width } = transformTable(state, data, test);
    const std = Math.sqrt(500000);
    expect(x[0]).toBeCloseTo((99999 - 2000) / std, 3);
    expect(x[width]).toBe(0); // missing → mean → 0 after standardizing
  });

  it('one-hot encodes categories, sending unseen and missing levels to the unknown slot', () => {
    const state = fitPreprocessor(data, spec('unknown'), train);
    const { x } = transformTable(state, data);
    const oneHot = (r: number) => Array.from(x.subarray(r * 4 + 1, r * 4 + 4));
    expect(oneHot(0)).toEqual([0, 1, 0]); // Fremont
    expect(oneHot(1)).toEqual([1, 0, 0]); // Ballard
    expect(oneHot(3)).toEqual([0, 0, 1]); // missing
    expect(oneHot(4)).toEqual([0, 0, 1]); // Downtown, never seen in training
  });

  it('imputes the mode for missing levels and encodes unseen levels as zeros with the mode strategy', () => {
    const state = fitPreprocessor(data, spec('mode'), train);
    expect(state.featureNames).toEqual(['sqft', 'neighborhood=Ballard', 'neighborhood=Fremont']);
    const { x, width } = transformTable(state, data);
    const oneHot = (r: number) => Array.from(x.subarray(r * width + 1, r * width + 3));
    expect(oneHot(3)).toEqual([1, 0]); // missing → Ballard (2 of 3 training values)
    expect(oneHot(4)).toEqual([0, 0]); // Downtown
  });

  it('maps levels by name when another table encodes them in another order', () => {
    const state = fitPreprocessor(data, spec('unknown'), train);
    const other = table([
      numeric('sqft', [2000, 2000]),
      categorical('neighborhood', ['Ballard', 'Fremont']),
    ]);
    const { x } = transformTable(state, other);
    expect(Array.from(x)).toEqual([0, 1, 0, 0, 0, 0, 1, 0]);
  });
});
