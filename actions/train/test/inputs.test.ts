import { describe, expect, it } from 'vitest';
import { getInputs, INPUT_BACKEND, INPUT_MODEL } from '../src/inputs';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('getInputs of train', () => {
  it('reads the model and defaults the backend to auto', () => {
    expect(getInputs(reader({ [INPUT_MODEL]: 'house-prices' }))).toEqual({
      model: 'house-prices',
      backend: 'auto',
    });
    expect(getInputs(reader({ [INPUT_MODEL]: 'm', [INPUT_BACKEND]: 'wasm' })).backend).toBe('wasm');
  });

  it('names the missing or invalid input', () => {
    expect(() => getInputs(reader({}))).toThrow(/input "model" is required/);
    expect(() => getInputs(reader({ [INPUT_MODEL]: 'House Prices' }))).toThrow(
      /input "model": model name "House Prices" is invalid/,
    );
    expect(() => getInputs(reader({ [INPUT_MODEL]: 'm', [INPUT_BACKEND]: 'gpu' }))).toThrow(
      /input "backend" is "gpu"; expected one of "auto", "fused", "tensorflow", "wasm", "cpu"/,
    );
  });
});
