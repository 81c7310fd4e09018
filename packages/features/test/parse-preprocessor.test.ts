import { describe, expect, it } from 'vitest';
import {
  fitPreprocessor,
  PreprocessorFormatError,
  parsePreprocessor,
  serializePreprocessor,
} from '../src/index';
import { categorical, numeric, rows, table } from './tables';

const valid = serializePreprocessor(
  fitPreprocessor(
    table([
      numeric('sqft', [1, 2, 3]),
      categorical('neighborhood', ['a', 'b', 'a']),
      numeric('price', [1, 2, 3]),
    ]),
    {
      features: [
        { name: 'sqft', type: 'numeric' },
        { name: 'neighborhood', type: 'categorical' },
      ],
      target: { name: 'price', transform: 'log' },
      missing: { numeric: 'mean', categorical: 'mode' },
    },
    rows(0, 1, 2),
  ),
);

const DELETE = Symbol('delete');

/** The valid document with the value at `path` replaced (or deleted). */
function mutate(path: readonly (string | number)[], value: unknown): string {
  const doc: unknown = JSON.parse(valid);
  let node = doc as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return JSON.stringify(doc);
}

function formatError(text: string): PreprocessorFormatError {
  try {
    parsePreprocessor(text, 'models/house/preprocessor.json');
  } catch (error) {
    if (error instanceof PreprocessorFormatError) return error;
    throw error;
  }
  throw new Error('parsePreprocessor accepted the document');
}

describe('parsePreprocessor', () => {
  it('accepts what serializePreprocessor writes', () => {
    expect(parsePreprocessor(valid, 'p.json').featureNames).toEqual([
      'sqft',
      'neighborhood=a',
      'neighborhood=b',
    ]);
  });

  it('rejects text that is not JSON, keeping the parse error as cause', () => {
    const error = formatError('{ nope');
    expect(error.message).toMatch(/models\/house\/preprocessor\.json: not valid JSON/);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('names the file and the field of a bad value', () => {
    const cases: [(string | number)[], unknown, string, RegExp][] = [
      [['version'], 2, 'version', /must be 1, got 2/],
      [['features', 0, 'std'], 0, 'features[0].std', /must be positive/],
      [['features', 0, 'mean'], DELETE, 'features[0].mean', /is missing/],
      [['features', 1, 'levels'], ['b', 'a'], 'features[1].levels[1]', /sorted order/],
      [['features', 1, 'imputeLevel'], 'z', 'features[1].imputeLevel', /one of the levels/],
      [['target', 'transform'], 'sqrt', 'target.transform', /must be one of/],
      [['featureNames'], ['sqft'], 'featureNames', /does not match/],
      [['features', 0, 'extra'], 1, 'features[0].extra', /not a known field/],
      [['features', 0], 5, 'features[0]', /must be an object/],
    ];
    for (const [path, value, field, problem] of cases) {
      const error = formatError(mutate(path, value));
      expect(error.field).toBe(field);
      expect(error.source).toBe('models/house/preprocessor.json');
      expect(error.message).toMatch(problem);
      expect(error.message).toContain(`models/house/preprocessor.json: field "${field}"`);
    }
  });
});
