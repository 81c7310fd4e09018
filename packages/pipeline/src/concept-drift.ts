import type { ModelConfig } from '@repo/config';
import { pairedBootstrap } from '@repo/drift';
import type { ConceptDrift, GroupDrift } from '@repo/drift-report';
import {
  accuracy,
  classificationMetrics,
  f1Score,
  groupMetrics,
  largestGap,
  logLoss,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  precision,
  r2Score,
  recall,
  regressionMetrics,
  rocAuc,
  rootMeanSquaredError,
} from '@repo/metrics';
import { metricDirection, UnknownMetricError } from '@repo/report';
import { createRng, type Table } from '@repo/tabular';

/** The task's metrics of predictions against truth, by name. */
export function taskMetrics(task: ModelConfig['task']) {
  return (y: ArrayLike<number>, yhat: ArrayLike<number>): Record<string, number> =>
    task === 'regression'
      ? { ...regressionMetrics(y, yhat) }
      : { ...classificationMetrics(y, yhat) };
}

type Metric = (y: ArrayLike<number>, yhat: ArrayLike<number>) => number;

/** The single metrics of `@repo/metrics`, so a bootstrap resample computes only the one it needs. */
const SINGLE_METRICS: Readonly<Record<string, Metric>> = {
  mse: meanSquaredError,
  rmse: rootMeanSquaredError,
  mae: meanAbsoluteError,
  mape: meanAbsolutePercentageError,
  r2: r2Score,
  accuracy: (y, s) => accuracy(y, s),
  precision: (y, s) => precision(y, s),
  recall: (y, s) => recall(y, s),
  f1: (y, s) => f1Score(y, s),
  roc_auc: rocAuc,
  log_loss: logLoss,
};

/** `metric` of the task by itself, or undefined when the task's metrics do not include it. */
function metricOf(task: ModelConfig['task'], metric: string): Metric | undefined {
  const names = Object.keys(taskMetrics(task)(Float64Array.of(0, 1), Float64Array.of(0, 1)));
  return names.includes(metric) ? SINGLE_METRICS[metric] : undefined;
}

export interface ConceptOptions {
  readonly metric: string;
  readonly tolerance: number;
  readonly resamples: number;
  readonly confidence: number;
  readonly seed: number;
}

/**
 * The production model's `metric` on the window against the value recorded at its release, with
 * a seeded percentile-bootstrap interval of the difference (window rows resampled). Degraded only
 * when the interval's bound nearest to no change is past the tolerance in the worse direction:
 * for a lower-is-better metric, lower bound > tolerance × |release|; else upper bound < −that.
 */
export function conceptDrift(
  task: ModelConfig['task'],
  y: Float64Array,
  yhat: Float64Array,
  release: number,
  options: ConceptOptions,
): ConceptDrift {
  const direction = metricDirection(options.metric);
  const score = metricOf(task, options.metric);
  if (direction === undefined || score === undefined) {
    throw new UnknownMetricError(
      `monitoring.concept.metric "${options.metric}" is not a ${task} metric with a direction`,
    );
  }
  const current = score(y, yhat);
  const a = new Float64Array(y.length);
  const b = new Float64Array(y.length);
  const interval = pairedBootstrap(
    y.length,
    (rows) => {
      const n = rows.length;
      for (let i = 0; i < n; i++) {
        a[i] = y[rows[i] as number] as number;
        b[i] = yhat[rows[i] as number] as number;
      }
      return score(a.subarray(0, n), b.subarray(0, n)) - release;
    },
    { rng: createRng(options.seed), resamples: options.resamples, confidence: options.confidence },
  );
  const allowed = options.tolerance * Math.abs(release);
  const degraded = direction === 'lower' ? interval.lower > allowed : interval.upper < -allowed;
  return {
    metric: options.metric,
    direction,
    release,
    current,
    interval,
    tolerance: options.tolerance,
    degraded,
    rows: y.length,
  };
}

/** Per-level metrics on the window of each group column, with the largest gap of `metric`. */
export function groupDrift(
  config: ModelConfig,
  table: Table,
  y: Float64Array,
  yhat: Float64Array,
  metric: string,
): GroupDrift[] {
  const out: GroupDrift[] = [];
  for (const group of config.groups) {
    const column = table.columns.get(group);
    if (column?.kind !== 'categorical') continue;
    const gate = config.gates.find((g) => g.type === 'max-group-gap' && g.group === group);
    const gapMetric = gate?.metric ?? metric;
    const byLevel = groupMetrics(y, yhat, column.codes, column.levels, taskMetrics(config.task));
    const minCount = gate?.type === 'max-group-gap' ? (gate.minCount ?? 1) : 1;
    let gap: GroupDrift['gap'] = null;
    try {
      gap = largestGap(byLevel, gapMetric, { minCount });
    } catch {
      gap = null;
    }
    out.push({
      group,
      metric: gapMetric,
      levels: Object.entries(byLevel).map(([level, m]) => ({
        level,
        count: m.count,
        value: (m as unknown as Record<string, number>)[gapMetric] ?? Number.NaN,
      })),
      gap,
    });
  }
  return out;
}
