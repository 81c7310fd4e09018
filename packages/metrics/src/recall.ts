import { binaryConfusion } from './binary-confusion';

/**
 * Share of positives predicted positive, with `ŷᵢ = 1 if scoreᵢ ≥ threshold else 0`.
 *
 *   recall = TP / (TP + FN),   0 when there are no positives
 *
 * Same as scikit-learn's `recall_score(zero_division=0)`.
 */
export function recall(y: ArrayLike<number>, scores: ArrayLike<number>, threshold = 0.5): number {
  const c = binaryConfusion(y, scores, threshold, 'recall');
  const positive = c.truePositives + c.falseNegatives;
  return positive === 0 ? 0 : c.truePositives / positive;
}
