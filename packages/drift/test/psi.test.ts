import { describe, expect, it } from 'vitest';
import { binNumeric } from '../src/binning';
import { columnDrift } from '../src/column-drift';
import { EmptySampleError } from '../src/errors';
import { populationStabilityIndex, psiShares } from '../src/psi';
import { categorical } from './columns';
import { expectClose, expected, sample } from './expected';

describe('populationStabilityIndex', () => {
  it("equals Evidently's psi (its binning and empty-bin fill, in numpy) to 1e-9 relative", () => {
    const numeric = expected.binned.filter((b) => b.numeric);
    expect(numeric.length).toBeGreaterThan(5);
    for (const c of numeric) {
      const bins = binNumeric(sample(c.reference), sample(c.current));
      const psi = populationStabilityIndex(bins.referenceCounts, bins.currentCounts);
      expectClose(psi, c.psi, `psi(${c.reference}, ${c.current})`);
    }
  });

  it("equals Evidently's psi and jensenshannon on a categorical column (each value its own bin)", () => {
    const c = expected.binned.find((b) => !b.numeric);
    if (c === undefined) throw new Error('no categorical case');
    const labels = (name: string) => [...sample(name)].map((v) => `level ${v}`);
    const ref = categorical('c', labels(c.reference));
    const cur = categorical('c', labels(c.current));
    expectClose(columnDrift(ref, cur, { method: 'psi' }).score, c.psi, 'psi');
    expectClose(columnDrift(ref, cur, { method: 'jensenshannon' }).score, c.jensenShannon, 'js');
  });

  it('fills an empty bin with 0.0001, or the smallest share / 10⁶ when that is ≤ 0.0001', () => {
    expect([...psiShares([0, 1, 3], 'counts')]).toEqual([0.0001, 0.25, 0.75]);
    const many = psiShares([0, 1, 99_999], 'counts');
    expect(many[0]).toBeCloseTo(1e-5 / 1e6, 20);
  });

  it('is 0 for identical distributions and rejects all-zero counts', () => {
    expect(populationStabilityIndex([1, 2, 3], [2, 4, 6])).toBeCloseTo(0, 15);
    expect(() => populationStabilityIndex([0, 0], [1, 1])).toThrow(EmptySampleError);
  });
});
