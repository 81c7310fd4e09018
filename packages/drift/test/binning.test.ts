import { describe, expect, it } from 'vitest';
import { binNumeric, histogramCounts, sturgesEdges } from '../src/binning';
import { expected, sample } from './expected';

describe('binNumeric', () => {
  it("reproduces numpy's Sturges edges bit for bit above 20 distinct reference values", () => {
    const withEdges = expected.binned.filter((b) => b.edges !== null);
    expect(withEdges.length).toBeGreaterThan(2);
    for (const c of withEdges) {
      const bins = binNumeric(sample(c.reference), sample(c.current));
      expect(bins.kind, c.reference).toBe('edges');
      if (bins.kind === 'edges') expect([...bins.edges], c.reference).toEqual(c.edges);
    }
  });

  it('makes one bin per distinct value of either sample at 20 distinct reference values or fewer', () => {
    const bins = binNumeric(Float64Array.of(1, 1, 2), Float64Array.of(2, 3, 3, 3));
    expect(bins.kind).toBe('values');
    if (bins.kind === 'values') {
      expect([...bins.values]).toEqual([1, 2, 3]);
      expect([...bins.referenceCounts]).toEqual([2, 1, 0]);
      expect([...bins.currentCounts]).toEqual([0, 1, 3]);
    }
  });

  it('widens the range by ½ on each side when every value is equal', () => {
    expect([...sturgesEdges(Float64Array.of(5, 5), Float64Array.of(5))]).toEqual([4.5, 5.5]);
  });

  it('puts a value on an inner edge in the bin to its right and the maximum in the last bin', () => {
    const counts = histogramCounts(Float64Array.of(0, 1, 2, 3, 4), Float64Array.of(0, 2, 4));
    expect([...counts]).toEqual([2, 3]);
  });
});
