import { describe, expect, it } from 'vitest';
import { gcd } from '../../src/special/gcd';

describe('gcd', () => {
  it('is the greatest common divisor in either order', () => {
    expect(gcd(3000, 5000)).toBe(1000);
    expect(gcd(7, 1300)).toBe(1);
    expect(gcd(1300, 7)).toBe(1);
    expect(gcd(12, 12)).toBe(12);
  });
});
