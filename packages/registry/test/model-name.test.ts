import { describe, expect, it } from 'vitest';
import { InvalidModelNameError } from '../src/errors';
import { assertModelName } from '../src/model-name';

describe('assertModelName', () => {
  it('accepts lowercase names with digits, dots, underscores and dashes', () => {
    for (const name of ['house-prices', 'churn_v2', 'a.b', '7up']) {
      expect(() => assertModelName(name)).not.toThrow();
    }
  });

  it('rejects names that could escape the registry directory or break the tag', () => {
    for (const name of ['', '..', 'a/b', '../x', 'A', '-x', 'a..b', 'a@b', 'a b']) {
      expect(() => assertModelName(name), name).toThrow(InvalidModelNameError);
    }
  });
});
