import { describe, expect, it } from 'vitest';
import { summarize } from '../src/summary';

describe('summarize', () => {
  it('takes the middle value of an odd number of runs and the smallest as min', () => {
    expect(summarize([5, 1, 3, 9, 7], 10)).toEqual({
      medianMs: 5,
      minMs: 1,
      runs: 5,
      peakRssBytes: 10,
    });
  });

  it('averages the two middle values of an even number of runs', () => {
    expect(summarize([4, 1, 3, 2], null).medianMs).toBeCloseTo(2.5, 12);
  });

  it('refuses an empty list of runs', () => {
    expect(() => summarize([], null)).toThrow(/no timed runs/);
  });
});
