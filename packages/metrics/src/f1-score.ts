import { binaryConfusion } from './binary-confusion';

/**
 * Harmonic mean of precision and recall, with `ŷᵢ = 1 if scoreᵢ ≥ threshold else 0`.
 *
 *   F1 = 2·TP / (2·TP + FP + FN),   0 when TP + FP + FN = 0
 *
 * Same as scikit-learn's `f1_score(zero_division=0)`.
 */
export function f1Score(y: ArrayLike<number>, scores: ArrayLike<number>, threshold = 0.5): number {
  const c = binaryConfusion(y, scores, threshold, 'f1Score');
  const denominator = 2 * c.truePositives + c.falsePositives + c.falseNegatives;
  return denominator === 0 ? 0 : (2 * c.truePositives) / denominator;
}
