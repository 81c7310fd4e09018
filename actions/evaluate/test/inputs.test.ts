import { describe, expect, it } from 'vitest';
import {
  getInputs,
  INPUT_BACKEND,
  INPUT_MODEL,
  INPUT_REPORT_DIR,
  INPUT_TOKEN,
} from '../src/inputs';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('getInputs of evaluate', () => {
  it('reads every input with the documented defaults', () => {
    expect(getInputs(reader({ [INPUT_MODEL]: 'house-prices', [INPUT_TOKEN]: 't' }))).toEqual({
      model: 'house-prices',
      token: 't',
      reportDir: 'mlops-report',
      backend: 'auto',
    });
    const custom = getInputs(
      reader({
        [INPUT_MODEL]: 'm',
        [INPUT_TOKEN]: 't',
        [INPUT_REPORT_DIR]: 'out',
        [INPUT_BACKEND]: 'cpu',
      }),
    );
    expect(custom.reportDir).toBe('out');
    expect(custom.backend).toBe('cpu');
  });

  it('names the missing or invalid input', () => {
    expect(() => getInputs(reader({ [INPUT_TOKEN]: 't' }))).toThrow(/input "model" is required/);
    expect(() => getInputs(reader({ [INPUT_MODEL]: 'm' }))).toThrow(/input "token" is required/);
    expect(() =>
      getInputs(reader({ [INPUT_MODEL]: 'm', [INPUT_TOKEN]: 't', [INPUT_BACKEND]: 'x' })),
    ).toThrow(/input "backend" is "x"/);
  });
});
