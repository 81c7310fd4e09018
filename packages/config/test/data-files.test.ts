import { describe, expect, it } from 'vitest';
import { ConfigValidationError, parseModelConfig } from '../src/index';
import { validYaml } from './fixtures';

const FILE = 'models/house-prices/model.yaml';
const withFiles = (files: string) => {
  const text = validYaml.replace(/files: \[[^\]]*\]/, `files: [${files}]`);
  expect(text).not.toBe(validYaml);
  return text;
};

describe('data files stay inside the data/ folder', () => {
  it('accepts files under data/', () => {
    expect(() =>
      parseModelConfig(withFiles('data/a/sales.csv, data/b.csv'), FILE, 'house-prices'),
    ).not.toThrow();
  });

  it.each([
    '../../etc/passwd',
    '/etc/passwd',
    'data/../../runner/credentials',
    'models/house-prices/model.yaml',
    'data',
  ])('refuses %s, naming the entry, so no config can make a job read another file', (path) => {
    let error: unknown;
    try {
      parseModelConfig(withFiles(JSON.stringify(path)), FILE, 'house-prices');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect(String((error as Error).message)).toMatch(
      /data\.files\[0\].*a path inside the data\/ folder/,
    );
  });
});
