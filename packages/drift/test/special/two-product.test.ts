import { describe, expect, it } from 'vitest';
import { twoProduct } from '../../src/special/two-product';

describe('twoProduct', () => {
  it('returns the rounded product and its exact rounding error', () => {
    const a = 1 + 2 ** -30;
    const { hi, lo } = twoProduct(a, a); // (1 + 2⁻³⁰)² = 1 + 2⁻²⁹ + 2⁻⁶⁰
    expect(hi).toBe(1 + 2 ** -29);
    expect(lo).toBe(2 ** -60);
  });

  it('has no error term for products that are exact', () => {
    expect(twoProduct(3, 0.25)).toEqual({ hi: 0.75, lo: 0 });
    const { hi, lo } = twoProduct(30_000, 0.1);
    expect(hi + lo).toBe(hi);
  });
});
