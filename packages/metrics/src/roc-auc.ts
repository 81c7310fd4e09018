import { at, checkBinary, checkPair } from './check';

/**
 * Area under the ROC curve.
 *
 * The curve has one point (FPR(t), TPR(t)) per distinct score t, taken in decreasing order,
 * with FPR(t) = #{negatives with score ≥ t} / N and TPR(t) = #{positives with score ≥ t} / P,
 * starting at (0, 0). The area is the trapezoid rule over those points:
 *
 *   AUC = Σₖ (FPRₖ − FPRₖ₋₁) · (TPRₖ + TPRₖ₋₁) / 2
 *
 * so tied scores form one diagonal step (a tie between a positive and a negative counts ½),
 * exactly as scikit-learn's `roc_auc_score`. When `y` holds only one class the area is
 * undefined: scikit-learn raises, this returns NaN (so per-group metrics still work).
 */
export function rocAuc(y: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = checkPair(y, scores, 'rocAuc', 'scores');
  checkBinary(y, scores, 'rocAuc');
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => at(scores, b) - at(scores, a));

  let tp = 0;
  let fp = 0;
  let previousTp = 0;
  let previousFp = 0;
  let twiceArea = 0;
  let i = 0;
  while (i < n) {
    const threshold = at(scores, at(order, i));
    while (i < n && at(scores, at(order, i)) === threshold) {
      if (at(y, at(order, i)) === 1) tp++;
      else fp++;
      i++;
    }
    twiceArea += (fp - previousFp) * (tp + previousTp);
    previousTp = tp;
    previousFp = fp;
  }
  if (tp === 0 || fp === 0) return Number.NaN;
  return twiceArea / (2 * tp * fp);
}
