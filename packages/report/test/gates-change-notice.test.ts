import type { GateSpec } from '@repo/config';
import { describe, expect, it } from 'vitest';
import { gatesChangeNotice } from '../src/gates-change-notice';

const r2 = (value: number): GateSpec => ({ type: 'min', metric: 'r2', value });
const noRegression: GateSpec = { type: 'no-regression', metric: 'rmse', tolerance: 0.02 };

describe('gatesChangeNotice', () => {
  it('says nothing when the pull request keeps the gates', () => {
    expect(gatesChangeNotice([noRegression, r2(0.7)], [noRegression, r2(0.7)])).toBeUndefined();
  });

  it('warns, at the top, listing the gates removed and added', () => {
    const notice = gatesChangeNotice([noRegression, r2(0.7)], [r2(0.5)]);
    expect(notice).toMatch(
      /^> \[!WARNING\]\n> \*\*This pull request changes its own quality gates\.\*\*/,
    );
    expect(notice).toContain('| removed | r2 ≥ 0.7 |');
    expect(notice).toContain('| added | r2 ≥ 0.5 |');
    expect(notice).toMatch(/\| removed \| rmse/);
  });

  it('warns about a new model bringing its own gates', () => {
    expect(gatesChangeNotice(undefined, [r2(0.1)])).toContain(
      'adds a model with its own quality gates',
    );
  });
});
