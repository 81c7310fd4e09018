import { describe, expect, it } from 'vitest';
import { smirnovSf } from '../../src/special/smirnov-sf';
import { expectClose, expected } from '../expected';

describe('smirnovSf', () => {
  it('equals scipy.special.smirnov to 1e-9 relative, including n above 10⁶ (approximation)', () => {
    expect(expected.smirnovSf.length).toBeGreaterThan(60);
    for (const { n, x, sf } of expected.smirnovSf) {
      expectClose(smirnovSf(n, x), sf, `smirnov(${n}, ${x})`);
    }
  });

  it('is 1 − x for a single observation and 1 / 0 at the ends of [0, 1]', () => {
    expect(smirnovSf(1, 0.3)).toBeCloseTo(0.7, 15);
    expect(smirnovSf(5, 0)).toBe(1);
    expect(smirnovSf(5, 1)).toBe(0);
  });
});
