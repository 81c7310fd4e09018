import { describe, expect, it } from 'vitest';
import { EmptySampleError } from '../src/errors';
import { wassersteinDistance, wassersteinNormed } from '../src/wasserstein';
import { expectClose, expected, sample } from './expected';

describe('wassersteinDistance and wassersteinNormed', () => {
  it("equal scipy.stats.wasserstein_distance and Evidently's normed score to 1e-9 relative", () => {
    expect(expected.wasserstein.length).toBeGreaterThan(5);
    for (const c of expected.wasserstein) {
      const label = `wasserstein(${c.reference}, ${c.current})`;
      expectClose(wassersteinDistance(sample(c.reference), sample(c.current)), c.distance, label);
      expectClose(
        wassersteinNormed(sample(c.reference), sample(c.current)).normed,
        c.normed,
        `${label} normed`,
      );
    }
  });

  it('is the shift between two copies of a sample shifted by a constant', () => {
    const a = Float64Array.of(0, 1, 3);
    expect(wassersteinDistance(a, Float64Array.of(5, 6, 8))).toBeCloseTo(5, 14);
  });

  it('norms a constant reference by 0.001 instead of dividing by zero', () => {
    const result = wassersteinNormed(Float64Array.of(2, 2, 2), Float64Array.of(2, 2, 3));
    expect(result.referenceStd).toBe(0);
    expect(result.normed).toBeCloseTo(result.distance / 0.001, 9);
  });

  it('rejects an empty sample', () => {
    expect(() => wassersteinDistance([], [1])).toThrow(EmptySampleError);
  });
});
