import { binaryConfusion } from './binary-confusion';

/**
 * Share of predicted positives that are positive, with `ŷᵢ = 1 if scoreᵢ ≥ threshold else 0`.
 *
 *   precision = TP / (TP + FP),   0 when nothing is predicted positive
 *
 * Same as scikit-learn's `precision_score(zero_division=0)`.
 */
export function precision(
  y: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold = 0.5,
): number {
  const c = binaryConfusion(y, scores, threshold, 'precision');
  const predictedPositive = c.truePositives + c.falsePositives;
  return predictedPositive === 0 ? 0 : c.truePositives / predictedPositive;
}
