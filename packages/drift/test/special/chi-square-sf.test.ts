import { describe, expect, it } from 'vitest';
import { chiSquareSf } from '../../src/special/chi-square-sf';
import { expectClose, expected } from '../expected';

describe('chiSquareSf', () => {
  it('equals scipy.stats.chi2.sf to 1e-9 relative for 1 to 1000 degrees of freedom', () => {
    expect(expected.chiSquareSf.length).toBeGreaterThan(50);
    for (const { df, x, sf } of expected.chiSquareSf) {
      expectClose(chiSquareSf(x, df), sf, `chi2.sf(${x}, ${df})`);
    }
  });

  it('is 1 at 0 and NaN without degrees of freedom', () => {
    expect(chiSquareSf(0, 3)).toBe(1);
    expect(chiSquareSf(1, 0)).toBeNaN();
  });
});
