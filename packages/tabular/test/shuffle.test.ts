import { describe, expect, it } from 'vitest';
import { createRng } from '../src/rng';
import { shuffleIndices } from '../src/shuffle';

describe('shuffleIndices', () => {
  it('returns a permutation of 0..n-1 that depends only on the seed', () => {
    const a = shuffleIndices(1000, createRng(3));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(shuffleIndices(1000, createRng(3))).toEqual(a);
    expect(shuffleIndices(1000, createRng(4))).not.toEqual(a);
  });

  it('puts each element in each position about equally often', () => {
    const rng = createRng(11);
    const counts = Array.from({ length: 4 }, () => new Array<number>(4).fill(0));
    for (let t = 0; t < 40_000; t++) {
      const p = shuffleIndices(4, rng);
      p.forEach((value, position) => {
        const row = counts[value] as number[];
        row[position] = (row[position] ?? 0) + 1;
      });
    }
    for (const row of counts)
      for (const count of row) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });
});
