import { describeGate, formatTolerance } from './describe-gate';
import { UnknownGroupError, UnknownMetricDirectionError, UnknownMetricError } from './errors';
import type { GroupMetrics, MetricValues } from './evaluation-result';
import { formatNumber, formatPercent } from './format-number';
import type { GateResult, GateSpec } from './gate-spec';
import { metricDirection } from './metric-direction';

/** What gates read from an evaluation. */
export interface GateSubject {
  readonly metrics: MetricValues;
  readonly groups?: GroupMetrics;
}

/**
 * Slack for comparisons, relative to the threshold, so a value equal to the limit up to
 * floating-point rounding (0.5 × 1.02 vs 0.51) passes.
 */
const RELATIVE_SLACK = 1e-12;

function atMost(actual: number, limit: number): boolean {
  return actual <= limit + RELATIVE_SLACK * Math.max(1, Math.abs(limit));
}

function atLeast(actual: number, limit: number): boolean {
  return actual >= limit - RELATIVE_SLACK * Math.max(1, Math.abs(limit));
}

function label(gate: GateSpec, index: number): string {
  return `gate ${index + 1} (${describeGate(gate)})`;
}

function candidateMetric(gate: GateSpec, index: number, metrics: MetricValues): number {
  const value = metrics[gate.metric];
  if (value === undefined) {
    const available = Object.keys(metrics).join(', ') || 'none';
    throw new UnknownMetricError(
      `${label(gate, index)}: the candidate has no metric "${gate.metric}" (available: ${available})`,
    );
  }
  return value;
}

function notFinite(gate: GateSpec, actual: number, threshold: number | null): GateResult {
  return {
    gate,
    passed: false,
    actual,
    threshold,
    reason: `${gate.metric} is ${formatNumber(actual)}`,
  };
}

function noRegression(
  gate: Extract<GateSpec, { type: 'no-regression' }>,
  index: number,
  candidate: GateSubject,
  production: GateSubject | undefined,
): GateResult {
  const actual = candidateMetric(gate, index, candidate.metrics);
  const direction = metricDirection(gate.metric);
  if (direction === undefined) {
    throw new UnknownMetricDirectionError(
      `${label(gate, index)}: it is not known whether a lower or a higher "${gate.metric}" is better`,
    );
  }
  if (production === undefined) {
    return {
      gate,
      passed: true,
      actual,
      threshold: null,
      reason: 'no production model to compare with',
    };
  }
  const baseline = production.metrics[gate.metric];
  if (baseline === undefined) {
    return {
      gate,
      passed: true,
      actual,
      threshold: null,
      reason: `production has no ${gate.metric} to compare with`,
    };
  }
  const slack = Math.abs(baseline) * gate.tolerance;
  const threshold = direction === 'lower' ? baseline + slack : baseline - slack;
  if (!Number.isFinite(actual)) return notFinite(gate, actual, threshold);
  const passed = direction === 'lower' ? atMost(actual, threshold) : atLeast(actual, threshold);
  const change =
    baseline === 0 ? '' : ` (${formatPercent((actual - baseline) / Math.abs(baseline))})`;
  const better = direction === 'lower' ? 'lower is better' : 'higher is better';
  const tolerance = formatTolerance(gate.tolerance);
  const reason = passed
    ? `${formatNumber(actual)} vs production ${formatNumber(baseline)}${change}: within the ${tolerance} tolerance (${better})`
    : `${formatNumber(actual)} vs production ${formatNumber(baseline)}${change}: worse by more than the ${tolerance} tolerance (${better})`;
  return { gate, passed, actual, threshold, reason };
}

function bound(
  gate: Extract<GateSpec, { type: 'min' | 'max' }>,
  index: number,
  candidate: GateSubject,
): GateResult {
  const actual = candidateMetric(gate, index, candidate.metrics);
  if (!Number.isFinite(actual)) return notFinite(gate, actual, gate.value);
  const passed = gate.type === 'min' ? atLeast(actual, gate.value) : atMost(actual, gate.value);
  const relation =
    gate.type === 'min'
      ? passed
        ? 'is at least the minimum'
        : 'is below the minimum'
      : passed
        ? 'is at most the maximum'
        : 'exceeds the maximum';
  return {
    gate,
    passed,
    actual,
    threshold: gate.value,
    reason: `${formatNumber(actual)} ${relation} ${formatNumber(gate.value)}`,
  };
}

/** Gap = max − min of the metric over the group's levels that have it (finite values only). */
function groupGap(
  gate: Extract<GateSpec, { type: 'max-group-gap' }>,
  index: number,
  candidate: GateSubject,
): GateResult {
  const levels = candidate.groups?.[gate.group];
  if (levels === undefined) {
    const available = Object.keys(candidate.groups ?? {}).join(', ') || 'none';
    throw new UnknownGroupError(
      `${label(gate, index)}: the candidate has no metrics by group "${gate.group}" (available: ${available})`,
    );
  }
  const minCount = gate.minCount ?? 1;
  const values = Object.entries(levels).flatMap(([level, metrics]) => {
    const value = metrics[gate.metric];
    // Levels with fewer rows than `minCount` are too noisy to judge (their `count` is the row count).
    return value === undefined || (metrics.count ?? Number.POSITIVE_INFINITY) < minCount
      ? []
      : [{ level, value }];
  });
  if (values.length === 0) {
    throw new UnknownMetricError(
      `${label(gate, index)}: no level of group "${gate.group}" has the metric "${gate.metric}"${minCount > 1 ? ` with at least ${minCount} rows` : ''}`,
    );
  }
  const broken = values.find((entry) => !Number.isFinite(entry.value));
  if (broken !== undefined) {
    return {
      gate,
      passed: false,
      actual: null,
      threshold: gate.value,
      reason: `${gate.metric} is ${formatNumber(broken.value)} for ${gate.group} = ${broken.level}`,
    };
  }
  let low = values[0] ?? { level: '', value: 0 };
  let high = low;
  for (const entry of values) {
    if (entry.value < low.value) low = entry;
    if (entry.value > high.value) high = entry;
  }
  const gap = high.value - low.value;
  const passed = atMost(gap, gate.value);
  const reason =
    values.length < 2
      ? `only one level (${low.level}) has ${gate.metric}: gap 0`
      : `gap ${formatNumber(gap)} between ${high.level} (${formatNumber(high.value)}) and ${low.level} (${formatNumber(low.value)}) ${passed ? 'is within' : 'exceeds'} ${formatNumber(gate.value)}`;
  return { gate, passed, actual: gap, threshold: gate.value, reason };
}

/**
 * Evaluates quality gates on a candidate, comparing with production where a gate needs it.
 * `no-regression` is direction-aware (`metricDirection`) with a tolerance relative to the
 * production value, and passes when there is no production model; `min`/`max` bound the value;
 * `max-group-gap` bounds max − min of the metric across the levels of a group column.
 * Throws `UnknownMetricError` (or `UnknownGroupError`) naming the gate when its metric
 * (or group) is missing from the candidate.
 */
export function evaluateGates(
  gates: readonly GateSpec[],
  candidate: GateSubject,
  production?: GateSubject,
): GateResult[] {
  return gates.map((gate, index): GateResult => {
    if (gate.type === 'no-regression') return noRegression(gate, index, candidate, production);
    if (gate.type === 'max-group-gap') return groupGap(gate, index, candidate);
    return bound(gate, index, candidate);
  });
}
