import { binaryConfusion } from './binary-confusion';

/**
 * Share of correct predictions, with `ŷᵢ = 1 if scoreᵢ ≥ threshold else 0`.
 *
 *   accuracy = (TP + TN) / n
 *
 * Same as scikit-learn's `accuracy_score` on the thresholded predictions.
 */
export function accuracy(y: ArrayLike<number>, scores: ArrayLike<number>, threshold = 0.5): number {
  const c = binaryConfusion(y, scores, threshold, 'accuracy');
  const n = c.truePositives + c.falsePositives + c.trueNegatives + c.falseNegatives;
  return (c.truePositives + c.trueNegatives) / n;
}
