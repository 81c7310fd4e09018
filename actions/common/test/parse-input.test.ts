import { describe, expect, it } from 'vitest';
import { ActionInputError } from '../src/errors';
import {
  optionalInput,
  parseBoolean,
  parseChoice,
  parseCommitSha,
  parseModelList,
  parseModelName,
  parsePositiveInteger,
  requiredInput,
} from '../src/parse-input';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('requiredInput', () => {
  it('returns the trimmed value', () => {
    expect(requiredInput(reader({ model: '  house-prices \n' }), 'model')).toBe('house-prices');
  });

  it('refuses an empty or blank value, naming the input', () => {
    expect(() => requiredInput(reader({ model: '  ' }), 'model')).toThrow(
      new ActionInputError('input "model" is required but was empty'),
    );
    expect(() => requiredInput(reader({}), 'token')).toThrow(/"token" is required/);
  });
});

describe('optionalInput', () => {
  it('is undefined when blank and the trimmed value otherwise', () => {
    expect(optionalInput(reader({ tag: ' ' }), 'tag')).toBeUndefined();
    expect(optionalInput(reader({ tag: ' a@v1.0.0 ' }), 'tag')).toBe('a@v1.0.0');
  });
});

describe('input parsers', () => {
  it('accept valid values', () => {
    expect(parseModelName('house-prices', 'model')).toBe('house-prices');
    expect(parseChoice('wasm', 'backend', ['auto', 'wasm'] as const)).toBe('wasm');
    expect(parseBoolean('True', 'flag')).toBe(true);
    expect(parseBoolean('false', 'flag')).toBe(false);
    expect(parsePositiveInteger('42', 'pr-number')).toBe(42);
    expect(parseCommitSha('A'.repeat(40), 'sha')).toBe('a'.repeat(40));
    expect(parseModelList('["b", "a", "b"]', 'models')).toEqual(['b', 'a']);
    expect(parseModelList('[]', 'models')).toEqual([]);
  });

  it('refuse invalid values with an ActionInputError naming the input', () => {
    const cases: [() => unknown, RegExp][] = [
      [
        () => parseModelName('../etc', 'model'),
        /^input "model": model name "\.\.\/etc" is invalid/,
      ],
      [
        () => parseChoice('gpu', 'backend', ['auto', 'wasm']),
        /^input "backend" is "gpu"; expected one of "auto", "wasm"$/,
      ],
      [() => parseBoolean('yes', 'flag'), /^input "flag" is "yes"; expected true or false$/],
      [() => parsePositiveInteger('0', 'pr-number'), /^input "pr-number" is "0"/],
      [() => parsePositiveInteger('12abc', 'pr-number'), /^input "pr-number"/],
      [
        () => parseCommitSha('abc123', 'sha'),
        /^input "sha" is "abc123"; expected a 40-character commit sha$/,
      ],
      [() => parseModelList('house-prices', 'models'), /^input "models" is not JSON/],
      [() => parseModelList('{"model":[]}', 'models'), /^input "models" must be a JSON array/],
      [() => parseModelList('[1]', 'models'), /^input "models" must be a JSON array/],
      [() => parseModelList('["Bad Name"]', 'models'), /^input "models": model name "Bad Name"/],
    ];
    for (const [parse, message] of cases) {
      expect(parse).toThrow(ActionInputError);
      expect(parse).toThrow(message);
    }
  });
});
