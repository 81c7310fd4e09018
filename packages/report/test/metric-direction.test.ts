import { describe, expect, it } from 'vitest';
import { metricDirection } from '../src/metric-direction';

describe('metricDirection', () => {
  it('knows that errors, losses, latencies and sizes are better when lower', () => {
    for (const m of [
      'mse',
      'rmse',
      'mae',
      'mape',
      'log_loss',
      'latency_p95_ms',
      'latency_mean_ms',
      'size_bytes',
    ]) {
      expect(metricDirection(m), m).toBe('lower');
    }
  });

  it('knows that scores are better when higher', () => {
    for (const m of ['r2', 'accuracy', 'precision', 'recall', 'f1', 'roc_auc']) {
      expect(metricDirection(m), m).toBe('higher');
    }
  });

  it('does not guess for other names', () => {
    expect(metricDirection('count')).toBeUndefined();
    expect(metricDirection('rmse_ratio')).toBeUndefined();
  });
});
