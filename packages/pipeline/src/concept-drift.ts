import type { ModelConfig } from '@repo/config';
import { pairedBootstrap } from '@repo/drift';
import type { ConceptDrift, GroupDrift } from '@repo/drift-report';
import { classificationMetrics, groupMetrics, largestGap, regressionMetrics } from '@repo/metrics';
import { metricDirection, UnknownMetricError } from '@repo/report';
import { createRng, type Table } from '@repo/tabular';

/** The task's metrics of predictions against truth, by name. */
export function taskMetrics(task: ModelConfig['task']) {
  return (y: ArrayLike<number>, yhat: ArrayLike<number>): Record<string, number> =>
    task === 'regression'
      ? { ...regressionMetrics(y, yhat) }
      : { ...classificationMetrics(y, yhat) };
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
  const score = taskMetrics(task);
  const current = score(y, yhat)[options.metric];
  if (direction === undefined || current === undefined) {
    throw new UnknownMetricError(
      `monitoring.concept.metric "${options.metric}" is not a ${task} metric with a direction`,
    );
  }
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
      return (score(a.subarray(0, n), b.subarray(0, n))[options.metric] as number) - release;
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
