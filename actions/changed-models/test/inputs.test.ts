import { describe, expect, it } from 'vitest';
import { getInputs, INPUT_BASE_SHA, INPUT_HEAD_SHA, INPUT_SINCE_LAST_RELEASE } from '../src/inputs';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('getInputs of changed-models', () => {
  it('reads both commits', () => {
    expect(getInputs(reader({ [INPUT_BASE_SHA]: A, [INPUT_HEAD_SHA]: B }))).toEqual({
      baseSha: A,
      headSha: B,
      sinceLastRelease: false,
    });
  });

  it('reads since-last-release as a boolean and refuses anything else', () => {
    const base = { [INPUT_BASE_SHA]: A, [INPUT_HEAD_SHA]: B };
    expect(
      getInputs(reader({ ...base, [INPUT_SINCE_LAST_RELEASE]: 'true' })).sinceLastRelease,
    ).toBe(true);
    expect(() => getInputs(reader({ ...base, [INPUT_SINCE_LAST_RELEASE]: 'yes please' }))).toThrow(
      /since-last-release/,
    );
  });

  it('treats an all-zero base (a new branch) as no base', () => {
    const inputs = getInputs(reader({ [INPUT_BASE_SHA]: '0'.repeat(40), [INPUT_HEAD_SHA]: B }));
    expect(inputs.baseSha).toBeUndefined();
  });

  it('names the missing or invalid input', () => {
    expect(() => getInputs(reader({ [INPUT_HEAD_SHA]: B }))).toThrow(
      /input "base-sha" is required/,
    );
    expect(() => getInputs(reader({ [INPUT_BASE_SHA]: A, [INPUT_HEAD_SHA]: 'main' }))).toThrow(
      /input "head-sha" is "main"; expected a 40-character commit sha/,
    );
  });
});
