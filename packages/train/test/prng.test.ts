import { describe, expect, it } from 'vitest';
import { deriveSeed, mulberry32, shuffledIndices } from '../src/prng';

/** The reference mulberry32 as published by its author (Tommy Ettinger), transcribed verbatim. */
function referenceMulberry32(a: number) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('mulberry32', () => {
  it('yields the same sequence as the reference implementation', () => {
    for (const seed of [0, 1, 42, 123456789, 0xffffffff]) {
      const ours = mulberry32(seed);
      const reference = referenceMulberry32(seed);
      for (let i = 0; i < 100; i++) expect(ours()).toBe(reference());
    }
  });

  it('stays within [0, 1)', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 10_000; i++) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});

describe('deriveSeed', () => {
  it('gives distinct positive 31-bit seeds per index and is stable', () => {
    const seeds = [0, 1, 2, 3, 4].map((i) => deriveSeed(42, i));
    expect(new Set(seeds).size).toBe(5);
    for (const seed of seeds) {
      expect(Number.isInteger(seed)).toBe(true);
      expect(seed).toBeGreaterThanOrEqual(0);
      expect(seed).toBeLessThan(2 ** 31);
    }
    expect(deriveSeed(42, 3)).toBe(seeds[3]);
    expect(deriveSeed(43, 3)).not.toBe(seeds[3]);
  });
});

describe('shuffledIndices', () => {
  it('produces a permutation that depends only on the seed', () => {
    const a = shuffledIndices(new Int32Array(1000), mulberry32(5));
    const b = shuffledIndices(new Int32Array(1000), mulberry32(5));
    const c = shuffledIndices(new Int32Array(1000), mulberry32(6));
    expect([...a].sort((p, q) => p - q)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
});
