/** Whether a smaller or a larger value of a metric is better. */
export type MetricDirection = 'lower' | 'higher';

const LOWER_IS_BETTER = new Set([
  'mse',
  'rmse',
  'mae',
  'mape',
  'smape',
  'medae',
  'msle',
  'rmsle',
  'log_loss',
  'brier_score',
  'loss',
  'val_loss',
  'size_bytes',
]);

const HIGHER_IS_BETTER = new Set([
  'r2',
  'accuracy',
  'balanced_accuracy',
  'precision',
  'recall',
  'f1',
  'roc_auc',
  'pr_auc',
  'average_precision',
  'explained_variance',
]);

/**
 * The better direction of a metric named as in `@repo/metrics`: lower for errors, losses,
 * latencies (`latency_*`) and sizes; higher for scores. `undefined` when unknown (e.g. `count`).
 */
export function metricDirection(metric: string): MetricDirection | undefined {
  const name = metric.toLowerCase();
  if (LOWER_IS_BETTER.has(name) || name.startsWith('latency_') || name.endsWith('_loss')) {
    return 'lower';
  }
  if (HIGHER_IS_BETTER.has(name)) return 'higher';
  return undefined;
}
