import { describe, expect, it } from 'vitest';
import { erfc, normalTwoSidedP } from '../../src/special/erfc';
import { expectClose, expected } from '../expected';

describe('erfc', () => {
  it('equals scipy.special.erfc to 1e-9 relative from −3 to 26 (down to 1e-296)', () => {
    for (const { x, erfc: wanted } of expected.erfc) expectClose(erfc(x), wanted, `erfc(${x})`);
  });

  it('gives the two-sided normal tail: P(|Z| ≥ 1.959964) ≈ 0.05', () => {
    expect(normalTwoSidedP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(normalTwoSidedP(-1.959963984540054)).toBeCloseTo(0.05, 14);
  });
});
