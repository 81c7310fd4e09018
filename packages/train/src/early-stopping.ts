import type { EarlyStopping } from './specs';

/**
 * Keras-style early stopping on a loss to minimise: an epoch improves if its loss is below the
 * best so far by more than `minDelta`; training stops after `patience` epochs without improvement.
 */
export class EarlyStoppingTracker {
  private best = Number.POSITIVE_INFINITY;
  private wait = 0;
  /** 1-based epoch of the best loss so far (0 before the first update). */
  bestEpoch = 0;

  constructor(private readonly spec: EarlyStopping) {}

  /** Records the loss of `epoch`; tells whether it is the new best and whether to stop now. */
  update(epoch: number, loss: number): { improved: boolean; stop: boolean } {
    if (loss < this.best - this.spec.minDelta) {
      this.best = loss;
      this.bestEpoch = epoch;
      this.wait = 0;
      return { improved: true, stop: false };
    }
    this.wait += 1;
    return { improved: false, stop: this.wait >= this.spec.patience };
  }
}
