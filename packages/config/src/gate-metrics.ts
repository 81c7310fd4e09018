import type { ConfigIssue } from './errors';
import { closestMatch } from './suggest';
import type { ModelConfig } from './types';

/**
 * The metrics an evaluation has, by task: those of `@repo/metrics` (`regressionMetrics`,
 * `classificationMetrics`; a test in packages/cli checks the lists against them), and what the
 * pipeline measures for every model (latency percentiles of batches of 1 and 1000, size).
 */
export const TASK_METRICS: Readonly<Record<ModelConfig['task'], readonly string[]>> = {
  regression: ['mse', 'rmse', 'mae', 'mape', 'r2'],
  classification: ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss'],
};

export const MEASURED_METRICS: readonly string[] = [
  'latency_p50_ms',
  'latency_p95_ms',
  'latency_p99_ms',
  'latency_b1000_p50_ms',
  'latency_b1000_p95_ms',
  'latency_b1000_p99_ms',
  'size_bytes',
];

/** Gates naming a metric the evaluation of this task will not have (`rmsee`, `accuracy` on a regression). */
export function gateMetricIssues(config: ModelConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const task = TASK_METRICS[config.task] ?? [];
  config.gates.forEach((gate, index) => {
    // A group gap compares the task's metrics per group; latency and size are not per group.
    const known = gate.type === 'max-group-gap' ? task : [...task, ...MEASURED_METRICS];
    if (known.includes(gate.metric)) return;
    const other = Object.entries(TASK_METRICS).find(([, names]) => names.includes(gate.metric));
    const suggestion = closestMatch(gate.metric, known);
    const hint =
      other !== undefined
        ? `"${gate.metric}" is a ${other[0]} metric and this model is a ${config.task}`
        : undefined;
    issues.push({
      path: `gates[${index}].metric`,
      expected: `a metric of a ${config.task} model (${known.join(', ')})`,
      found: JSON.stringify(gate.metric),
      ...(suggestion === undefined && hint === undefined
        ? {}
        : {
            hint: [hint, suggestion && `did you mean "${suggestion}"?`].filter(Boolean).join('; '),
          }),
    });
  });
  return issues;
}
