import { describe, expect, it } from 'vitest';
import {
  getInputs,
  INPUT_BACKEND,
  INPUT_BUMP,
  INPUT_MODEL,
  INPUT_MODELS,
  INPUT_TOKEN,
} from '../src/inputs';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('getInputs of promote', () => {
  it('reads the models list; bump auto means no explicit bump', () => {
    expect(getInputs(reader({ [INPUT_MODELS]: '["house-prices"]', [INPUT_TOKEN]: 't' }))).toEqual({
      models: ['house-prices'],
      token: 't',
      bump: undefined,
      backend: 'auto',
    });
    expect(
      getInputs(reader({ [INPUT_MODELS]: '[]', [INPUT_TOKEN]: 't', [INPUT_BUMP]: 'major' })).bump,
    ).toBe('major');
  });

  it('reads one model (a matrix job) instead of a list', () => {
    expect(getInputs(reader({ [INPUT_MODEL]: 'house-prices', [INPUT_TOKEN]: 't' })).models).toEqual(
      ['house-prices'],
    );
    expect(() =>
      getInputs(reader({ [INPUT_MODEL]: 'a', [INPUT_MODELS]: '["b"]', [INPUT_TOKEN]: 't' })),
    ).toThrow(/inputs "model" and "models" are both set/);
    expect(() => getInputs(reader({ [INPUT_MODEL]: 'A B', [INPUT_TOKEN]: 't' }))).toThrow(
      /input "model": model name "A B" is invalid/,
    );
  });

  it('names the missing or invalid input', () => {
    expect(() => getInputs(reader({ [INPUT_TOKEN]: 't' }))).toThrow(
      /input "model" or "models" is required/,
    );
    expect(() => getInputs(reader({ [INPUT_MODELS]: 'house-prices', [INPUT_TOKEN]: 't' }))).toThrow(
      /input "models" is not JSON/,
    );
    expect(() => getInputs(reader({ [INPUT_MODELS]: '[]' }))).toThrow(/input "token" is required/);
    expect(() =>
      getInputs(reader({ [INPUT_MODELS]: '[]', [INPUT_TOKEN]: 't', [INPUT_BUMP]: 'huge' })),
    ).toThrow(/input "bump" is "huge"; expected one of "auto", "major", "minor", "patch"/);
    expect(() =>
      getInputs(reader({ [INPUT_MODELS]: '[]', [INPUT_TOKEN]: 't', [INPUT_BACKEND]: 'gpu' })),
    ).toThrow(/input "backend" is "gpu"/);
  });
});
