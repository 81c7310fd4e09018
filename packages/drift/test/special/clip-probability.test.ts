import { describe, expect, it } from 'vitest';
import { clipProbability } from '../../src/special/clip-probability';

describe('clipProbability', () => {
  it('clips to [0, 1] and keeps NaN', () => {
    expect(clipProbability(-1e-17)).toBe(0);
    expect(clipProbability(1.0000000000000002)).toBe(1);
    expect(clipProbability(0.3)).toBe(0.3);
    expect(clipProbability(Number.NaN)).toBeNaN();
  });
});
