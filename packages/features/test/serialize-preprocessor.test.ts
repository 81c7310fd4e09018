import { describe, expect, it } from 'vitest';
import {
  fitPreprocessor,
  type PreprocessSpec,
  parsePreprocessor,
  serializePreprocessor,
  transformTable,
} from '../src/index';
import { categorical, numeric, rows, table } from './tables';

const spec: PreprocessSpec = {
  features: [
    { name: 'sqft', type: 'numeric' },
    { name: 'neighborhood', type: 'categorical' },
  ],
  target: { name: 'price', transform: 'standardize' },
  missing: { numeric: 'median', categorical: 'mode' },
};

const sqft = [0.1, 1 / 3, null, 2 / 7, 1e-300, 123456.789];
const hood = ['b', 'a', 'c', null, 'a', 'b'];
const price = [1.1, 2.2, 3.3, 4.4, 5.5, 6.6];

describe('serializePreprocessor', () => {
  it('writes identical text for the same data whatever the column and level order', () => {
    const one = table([
      numeric('sqft', sqft),
      categorical('neighborhood', hood),
      numeric('price', price),
    ]);
    // Same rows reversed: other level dictionary order, other column order.
    const reversed = table([
      numeric('price', [...price].reverse()),
      categorical('neighborhood', [...hood].reverse()),
      numeric('sqft', [...sqft].reverse()),
    ]);
    const a = serializePreprocessor(fitPreprocessor(one, spec, rows(0, 1, 2, 3, 4, 5)));
    const b = serializePreprocessor(fitPreprocessor(reversed, spec, rows(0, 1, 2, 3, 4, 5)));
    expect(b).toBe(a);
    expect(a.endsWith('}\n')).toBe(true);
  });

  it('sorts object keys', () => {
    const state = fitPreprocessor(
      table([numeric('sqft', sqft), categorical('neighborhood', hood), numeric('price', price)]),
      spec,
      rows(0, 1, 2),
    );
    const text = serializePreprocessor(state);
    const topKeys = [...text.matchAll(/^ {2}"(\w+)":/gm)].map((m) => m[1]);
    expect(topKeys).toEqual(['featureNames', 'features', 'target', 'version']);
  });

  it('round-trips through parsePreprocessor to the same doubles and the same features', () => {
    const data = table([
      numeric('sqft', sqft),
      categorical('neighborhood', hood),
      numeric('price', price),
    ]);
    const state = fitPreprocessor(data, spec, rows(0, 1, 2, 3));
    const parsed = parsePreprocessor(serializePreprocessor(state), 'preprocessor.json');
    expect(parsed).toEqual(state);
    expect(Array.from(transformTable(parsed, data).x)).toEqual(
      Array.from(transformTable(state, data).x),
    );
  });
});
