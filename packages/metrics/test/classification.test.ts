import { describe, expect, it } from 'vitest';
import {
  accuracy,
  BinaryLabelError,
  binaryConfusion,
  classificationMetrics,
  f1Score,
  logLoss,
  MissingValueError,
  precision,
  recall,
  rocAuc,
} from '../src/index';
import { expectClose, reference } from './reference';

const { y, scores, expected } = reference.classification;

describe('the classification metrics', () => {
  it('match scikit-learn on imbalanced labels with tied scores', () => {
    expectClose(accuracy(y, scores), expected.accuracy, 'accuracy');
    expectClose(precision(y, scores), expected.precision, 'precision');
    expectClose(recall(y, scores), expected.recall, 'recall');
    expectClose(f1Score(y, scores), expected.f1, 'f1');
    expectClose(rocAuc(y, scores), expected.roc_auc, 'roc_auc');
    expectClose(logLoss(y, scores), expected.log_loss, 'log_loss');
  });

  it('are bundled by classificationMetrics, honouring the threshold', () => {
    const at05 = classificationMetrics(Float64Array.from(y), Float64Array.from(scores));
    const at03 = classificationMetrics(y, scores, 0.3);
    for (const key of ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss'] as const) {
      expectClose(at05[key], expected[key], key);
      expectClose(at03[key], reference.classification.threshold_0_3[key], `${key} at 0.3`);
    }
  });

  it('score 0 for precision and F1 when nothing is predicted positive (zero_division=0)', () => {
    const low = reference.classification_no_predicted_positive;
    const all = classificationMetrics(low.y, low.scores);
    expect(all.precision).toBe(0);
    expect(all.f1).toBe(0);
    expect(low.expected.precision).toBe(0);
    for (const key of ['accuracy', 'recall', 'roc_auc', 'log_loss'] as const) {
      expectClose(all[key], low.expected[key], key);
    }
  });

  it('count a score equal to the threshold as a positive prediction', () => {
    expect(binaryConfusion([1, 0], [0.5, 0.5])).toEqual({
      truePositives: 1,
      falsePositives: 1,
      trueNegatives: 0,
      falseNegatives: 0,
    });
  });

  it('give ROC AUC ½ for a tie between a positive and a negative', () => {
    expect(rocAuc([0, 1], [0.4, 0.4])).toBe(0.5);
    expect(rocAuc([0, 1, 1, 0], [0.1, 0.4, 0.4, 0.4])).toBeCloseTo(0.75, 15);
  });

  it('give NaN ROC AUC when only one class is present', () => {
    expect(rocAuc([1, 1, 1], [0.2, 0.5, 0.9])).toBeNaN();
  });

  it('clip probabilities of 0 and 1 in the log loss to a finite value', () => {
    const loss = logLoss([1, 0], [0, 1]);
    expect(loss).toBeCloseTo(-Math.log(Number.EPSILON), 9);
  });

  it('reject labels other than 0 and 1, and NaN scores, naming the index', () => {
    expect(() => accuracy([0, 2], [0.1, 0.2])).toThrow(BinaryLabelError);
    expect(() => accuracy([0, 2], [0.1, 0.2])).toThrow(/y\[1\] is 2/);
    expect(() => logLoss([0, 1], [0.1, Number.NaN])).toThrow(MissingValueError);
  });
});
