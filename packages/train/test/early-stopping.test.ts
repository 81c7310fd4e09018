import { describe, expect, it } from 'vitest';
import { EarlyStoppingTracker } from '../src/early-stopping';

describe('EarlyStoppingTracker', () => {
  it('stops after `patience` epochs without an improvement larger than minDelta', () => {
    const tracker = new EarlyStoppingTracker({ patience: 2, minDelta: 0.01 });
    expect(tracker.update(1, 1.0)).toEqual({ improved: true, stop: false });
    expect(tracker.update(2, 0.5)).toEqual({ improved: true, stop: false });
    // 0.495 is lower, but not by more than minDelta.
    expect(tracker.update(3, 0.495)).toEqual({ improved: false, stop: false });
    expect(tracker.update(4, 0.6)).toEqual({ improved: false, stop: true });
    expect(tracker.bestEpoch).toBe(2);
  });

  it('resets its patience on an improvement', () => {
    const tracker = new EarlyStoppingTracker({ patience: 2, minDelta: 0 });
    tracker.update(1, 1.0);
    tracker.update(2, 1.1);
    expect(tracker.update(3, 0.9).improved).toBe(true);
    expect(tracker.update(4, 0.95).stop).toBe(false);
    expect(tracker.update(5, 0.95).stop).toBe(true);
    expect(tracker.bestEpoch).toBe(3);
  });
});
