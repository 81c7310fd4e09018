import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../src/errors';
import { zTestProportions } from '../src/z-test-proportions';
import { expectClose, expected } from './expected';

describe('zTestProportions', () => {
  it("equals Evidently's pooled z and 2·norm.sf(|z|) to 1e-9 relative", () => {
    expect(expected.zTest.length).toBeGreaterThan(4);
    for (const c of expected.zTest) {
      const result = zTestProportions(c.x1, c.n1, c.x2, c.n2);
      expectClose(result.statistic, c.statistic, `z(${c.x1}/${c.n1}, ${c.x2}/${c.n2})`);
      expectClose(result.pValue, c.pValue, `p(${c.x1}/${c.n1}, ${c.x2}/${c.n2})`);
    }
  });

  it('returns z = 0 and p = 1 when both samples hold one and the same value', () => {
    expect(zTestProportions(0, 10, 0, 20)).toEqual({ statistic: 0, pValue: 1 });
    expect(zTestProportions(10, 10, 20, 20)).toEqual({ statistic: 0, pValue: 1 });
  });

  it('rejects counts above the total and non-integer totals', () => {
    expect(() => zTestProportions(11, 10, 1, 10)).toThrow(InvalidValueError);
    expect(() => zTestProportions(1, 10.5, 1, 10)).toThrow(/reference total is 10.5/);
  });
});
