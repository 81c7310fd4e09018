import { accuracy } from './accuracy';
import { f1Score } from './f1-score';
import { logLoss } from './log-loss';
import { precision } from './precision';
import { recall } from './recall';
import { rocAuc } from './roc-auc';

/** The binary classification metrics, keyed by the names quality gates use. */
export interface ClassificationMetrics {
  /** See `accuracy`. */
  readonly accuracy: number;
  /** See `precision`. */
  readonly precision: number;
  /** See `recall`. */
  readonly recall: number;
  /** See `f1Score`. */
  readonly f1: number;
  /** See `rocAuc` (NaN when `y` holds one class only). */
  readonly roc_auc: number;
  /** See `logLoss`. */
  readonly log_loss: number;
}

/**
 * All binary classification metrics of scores (probabilities of class 1) against labels `y`;
 * the thresholded metrics predict 1 when `score ≥ threshold`.
 */
export function classificationMetrics(
  y: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold = 0.5,
): ClassificationMetrics {
  return {
    accuracy: accuracy(y, scores, threshold),
    precision: precision(y, scores, threshold),
    recall: recall(y, scores, threshold),
    f1: f1Score(y, scores, threshold),
    roc_auc: rocAuc(y, scores),
    log_loss: logLoss(y, scores),
  };
}
