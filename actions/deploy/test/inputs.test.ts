import { describe, expect, it } from 'vitest';
import {
  getInputs,
  INPUT_BACKEND,
  INPUT_ENVIRONMENT,
  INPUT_MODEL,
  INPUT_TAG,
  INPUT_TOKEN,
  INPUT_VERSION,
} from '../src/inputs';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('getInputs of deploy', () => {
  it('reads the model and version from a release tag', () => {
    expect(getInputs(reader({ [INPUT_TOKEN]: 't', [INPUT_TAG]: 'house-prices@v1.4.0' }))).toEqual({
      token: 't',
      model: 'house-prices',
      version: '1.4.0',
      environment: 'production',
      backend: 'auto',
    });
  });

  it('reads model and version given separately, with or without a v', () => {
    const inputs = getInputs(
      reader({
        [INPUT_TOKEN]: 't',
        [INPUT_MODEL]: 'house-prices',
        [INPUT_VERSION]: 'v1.0.0',
        [INPUT_ENVIRONMENT]: 'staging',
        [INPUT_BACKEND]: 'cpu',
      }),
    );
    expect(inputs).toMatchObject({
      model: 'house-prices',
      version: '1.0.0',
      environment: 'staging',
      backend: 'cpu',
    });
  });

  it('names the missing or invalid input', () => {
    expect(() => getInputs(reader({ [INPUT_TOKEN]: 't' }))).toThrow(
      /input "tag" or inputs "model" and "version" are required/,
    );
    expect(() => getInputs(reader({ [INPUT_TOKEN]: 't', [INPUT_MODEL]: 'm' }))).toThrow(
      /input "version" is required/,
    );
    expect(() => getInputs(reader({ [INPUT_TOKEN]: 't', [INPUT_TAG]: 'house-prices' }))).toThrow(
      /input "tag" is "house-prices"; expected <model>@v<version>/,
    );
    expect(() => getInputs(reader({ [INPUT_TOKEN]: 't', [INPUT_TAG]: 'm@v1.0' }))).toThrow(
      /input "tag" is "v1.0"; expected a semantic version/,
    );
    expect(() =>
      getInputs(reader({ [INPUT_TOKEN]: 't', [INPUT_TAG]: 'm@v1.0.0', [INPUT_MODEL]: 'm' })),
    ).toThrow(/either the tag or the model and version/);
    expect(() => getInputs(reader({ [INPUT_TAG]: 'm@v1.0.0' }))).toThrow(
      /input "token" is required/,
    );
  });
});
