import { createRng } from '@repo/tabular';
import { describe, expect, it } from 'vitest';
import { bootstrapDifference, pairedBootstrap } from '../src/bootstrap';
import { DriftOptionError, EmptySampleError } from '../src/errors';

const meanOf = (values: Float64Array) => values.reduce((a, b) => a + b, 0) / values.length;

describe('pairedBootstrap', () => {
  const errorsA = Float64Array.from({ length: 400 }, (_, i) => 1 + Math.sin(i));
  const errorsB = Float64Array.from(errorsA, (e, i) => e + 0.2 + 0.1 * Math.cos(3 * i));
  const difference = (rows: Int32Array) => {
    let sum = 0;
    for (const r of rows) sum += (errorsB[r] as number) - (errorsA[r] as number);
    return sum / rows.length;
  };

  it('gives the same interval for the same seed and another one for another seed', () => {
    const a = pairedBootstrap(400, difference, { rng: createRng(7) });
    const b = pairedBootstrap(400, difference, { rng: createRng(7) });
    const c = pairedBootstrap(400, difference, { rng: createRng(8) });
    expect(a).toEqual(b);
    expect(c.lower).not.toBe(a.lower);
  });

  it('centres the interval on the difference of the full data and covers it', () => {
    const result = pairedBootstrap(400, difference, {
      rng: createRng(1),
      resamples: 2000,
      confidence: 0.9,
    });
    expect(result.estimate).toBeCloseTo(
      0.2 + 0.1 * meanOf(Float64Array.from({ length: 400 }, (_, i) => Math.cos(3 * i))),
      12,
    );
    expect(result.lower).toBeLessThan(result.estimate);
    expect(result.upper).toBeGreaterThan(result.estimate);
    // The per-row differences are 0.2 ± 0.1: a 90% interval of their mean is about ±0.006 wide.
    expect(result.upper - result.lower).toBeGreaterThan(0.005);
    expect(result.upper - result.lower).toBeLessThan(0.03);
    expect(result).toMatchObject({ confidence: 0.9, resamples: 2000 });
  });

  it('rejects no rows, a non-integer resample count and a confidence outside (0, 1)', () => {
    expect(() => pairedBootstrap(0, difference, { rng: createRng(1) })).toThrow(EmptySampleError);
    expect(() => pairedBootstrap(4, difference, { rng: createRng(1), resamples: 1.5 })).toThrow(
      DriftOptionError,
    );
    expect(() => pairedBootstrap(4, difference, { rng: createRng(1), confidence: 1 })).toThrow(
      /confidence is 1/,
    );
  });
});

describe('bootstrapDifference', () => {
  it('brackets the difference of means of two independent samples, reproducibly', () => {
    const rng = createRng(3);
    const a = Float64Array.from({ length: 300 }, () => rng.next());
    const b = Float64Array.from({ length: 200 }, () => rng.next() + 0.5);
    const first = bootstrapDifference(a, b, meanOf, { rng: createRng(11), resamples: 500 });
    const again = bootstrapDifference(a, b, meanOf, { rng: createRng(11), resamples: 500 });
    expect(first).toEqual(again);
    expect(first.estimate).toBeCloseTo(meanOf(b) - meanOf(a), 14);
    expect(first.lower).toBeLessThan(first.estimate);
    expect(first.upper).toBeGreaterThan(first.estimate);
    expect(first.lower).toBeGreaterThan(0.4);
    expect(first.upper).toBeLessThan(0.6);
  });

  it('rejects an empty sample', () => {
    expect(() =>
      bootstrapDifference(new Float64Array(0), Float64Array.of(1), meanOf, { rng: createRng(1) }),
    ).toThrow(EmptySampleError);
  });
});
