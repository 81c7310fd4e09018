import { describe, expect, it } from 'vitest';
import { ByteDictionary } from '../src/byte-dictionary';

describe('ByteDictionary', () => {
  it('gives equal byte strings the same code across many levels and rehashes', () => {
    const dictionary = new ByteDictionary();
    const names = Array.from({ length: 500 }, (_, i) => `level-${i}-ü`);
    const first = names.map((name) => dictionary.encodeString(name));
    const second = names.map((name) => dictionary.encodeString(name));
    expect(second).toEqual(first);
    expect(first).toEqual(names.map((_, i) => i));
    expect(dictionary.levels).toEqual(names);
  });

  it('distinguishes prefixes and the empty string', () => {
    const dictionary = new ByteDictionary();
    expect([
      dictionary.encodeString('ab'),
      dictionary.encodeString('a'),
      dictionary.encodeString(''),
      dictionary.encodeString('a'),
    ]).toEqual([0, 1, 2, 1]);
  });
});
