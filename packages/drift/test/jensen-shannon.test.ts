import { describe, expect, it } from 'vitest';
import { binNumeric } from '../src/binning';
import { SampleLengthError } from '../src/errors';
import { jensenShannonDistance } from '../src/jensen-shannon';
import { expectClose, expected, sample } from './expected';

describe('jensenShannonDistance', () => {
  it('equals scipy.spatial.distance.jensenshannon (natural log) to 1e-9 relative', () => {
    for (const c of expected.jensenShannonVectors) {
      expectClose(jensenShannonDistance(c.p, c.q), c.distance, `jensenshannon(${c.p}, ${c.q})`);
    }
  });

  it("equals Evidently's jensenshannon drift score over its binning to 1e-9 relative", () => {
    for (const c of expected.binned.filter((b) => b.numeric)) {
      const bins = binNumeric(sample(c.reference), sample(c.current));
      const score = jensenShannonDistance(bins.referenceCounts, bins.currentCounts);
      expectClose(score, c.jensenShannon, `jensenshannon(${c.reference}, ${c.current})`);
    }
  });

  it('is √ln 2 for disjoint distributions', () => {
    expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(Math.sqrt(Math.LN2), 15);
  });

  it('rejects bins that do not pair up', () => {
    expect(() => jensenShannonDistance([1, 2], [1])).toThrow(SampleLengthError);
  });
});
