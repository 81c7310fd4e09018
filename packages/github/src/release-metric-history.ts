import type { ModelRegistry } from '@repo/registry';
import { compareSemver } from '@repo/registry';

export interface MetricPoint {
  readonly version: string;
  readonly value: number;
}

/**
 * `metric` of the newest `limit` published versions of `model` that record it (as a finite
 * number), oldest (lowest semver) first: the series of the "metric over the last releases" chart.
 * Versions without the metric are skipped; an unknown model gives `[]`.
 */
export async function releaseMetricHistory(
  registry: Pick<ModelRegistry, 'list'>,
  model: string,
  metric: string,
  limit = 10,
): Promise<MetricPoint[]> {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(
      `releaseMetricHistory: limit must be a non-negative integer, got ${limit}`,
    );
  }
  const points: MetricPoint[] = [];
  for (const version of await registry.list(model)) {
    const value = version.metrics[metric];
    if (typeof value === 'number' && Number.isFinite(value)) {
      points.push({ version: version.version, value });
    }
  }
  return points
    .sort((a, b) => compareSemver(b.version, a.version))
    .slice(0, limit)
    .reverse();
}
