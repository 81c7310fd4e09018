import { at, checkBinary, checkPair } from './check';

/** Counts of a binary confusion matrix. */
export interface BinaryConfusion {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly trueNegatives: number;
  readonly falseNegatives: number;
}

/**
 * The confusion matrix of labels `y` (0 or 1) against predictions `ŷᵢ = 1 if scoreᵢ ≥ threshold else 0`.
 */
export function binaryConfusion(
  y: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold = 0.5,
  metric = 'binaryConfusion',
): BinaryConfusion {
  const n = checkPair(y, scores, metric, 'scores');
  checkBinary(y, scores, metric);
  let truePositives = 0;
  let falsePositives = 0;
  let trueNegatives = 0;
  let falseNegatives = 0;
  for (let i = 0; i < n; i++) {
    const predicted = at(scores, i) >= threshold;
    if (at(y, i) === 1) {
      if (predicted) truePositives++;
      else falseNegatives++;
    } else if (predicted) falsePositives++;
    else trueNegatives++;
  }
  return { truePositives, falsePositives, trueNegatives, falseNegatives };
}
