import { describe, expect, it } from 'vitest';
import { ksTwoSampleExactP } from '../../src/special/ks-two-sample-exact';
import { expectClose, expected } from '../expected';

describe('ksTwoSampleExactP', () => {
  it("equals scipy's exact two-sided two-sample p-value to 1e-9 relative", () => {
    expect(expected.ksExactP.length).toBeGreaterThan(100);
    for (const { n1, n2, h, ok, p } of expected.ksExactP) {
      const ours = ksTwoSampleExactP(n1, n2, h);
      if (ok) expectClose(ours, p, `exact p(${n1}, ${n2}, h=${h})`);
      else expect(ours, `scipy rejects ${p} for (${n1}, ${n2}, h=${h})`).toBe(p);
    }
  });

  it('is symmetric in the two sample sizes', () => {
    expect(ksTwoSampleExactP(40, 60, 30)).toBe(ksTwoSampleExactP(60, 40, 30));
  });
});
