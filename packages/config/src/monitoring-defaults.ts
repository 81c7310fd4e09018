import type {
  MonitoringColumnDrift,
  MonitoringSourceFormat,
  MonitoringWindowSpec,
  RetrainTrigger,
} from './monitoring-types';
import type { ModelConfig } from './types';

/** Where a window comes from, resolved: a workspace path or glob, or a URL. */
export type ResolvedSource =
  | { readonly kind: 'path'; readonly pattern: string; readonly format?: MonitoringSourceFormat }
  | {
      readonly kind: 'url';
      readonly url: string;
      readonly format?: MonitoringSourceFormat;
      readonly timeoutMs: number;
    };

/** The `monitoring:` section with every default filled in. */
export interface ResolvedMonitoring {
  readonly source: ResolvedSource;
  readonly window?: MonitoringWindowSpec;
  readonly minRows: number;
  readonly drift: {
    readonly defaults: MonitoringColumnDrift;
    readonly driftShare: number;
    readonly columns: Readonly<Record<string, MonitoringColumnDrift>>;
  };
  readonly concept: {
    readonly metric: string;
    readonly tolerance: number;
    readonly resamples: number;
    readonly confidence: number;
  };
  readonly retrain: {
    readonly on: readonly RetrainTrigger[];
    readonly data: 'reference+current' | 'current';
  };
}

/** The window read when `monitoring.source` is not set: `incoming/<model>/*.csv`. */
export const defaultSourcePattern = (model: string) => `incoming/${model}/*.csv`;
export const DEFAULT_MIN_ROWS = 100;
export const DEFAULT_SOURCE_TIMEOUT_MS = 10_000;
export const DEFAULT_CONCEPT_TOLERANCE = 0.1;

const isUrl = (text: string) => /^https?:\/\//i.test(text);

function resolveSource(config: ModelConfig): ResolvedSource {
  const source = config.monitoring?.source ?? defaultSourcePattern(config.name);
  if (typeof source === 'string') {
    return isUrl(source)
      ? { kind: 'url', url: source, timeoutMs: DEFAULT_SOURCE_TIMEOUT_MS }
      : { kind: 'path', pattern: source };
  }
  const format = source.format === undefined ? {} : { format: source.format };
  if (source.url !== undefined) {
    return {
      kind: 'url',
      url: source.url,
      timeoutMs: source.timeoutMs ?? DEFAULT_SOURCE_TIMEOUT_MS,
      ...format,
    };
  }
  return { kind: 'path', pattern: source.path ?? defaultSourcePattern(config.name), ...format };
}

/**
 * The monitoring settings of a validated configuration, defaults filled in: the window from
 * `incoming/<model>/*.csv`, no time filter, at least 100 rows, Evidently's drift methods and
 * thresholds with dataset drift at a 0.5 share, concept drift on rmse (regression) or accuracy
 * (classification) with a 10% tolerance, 1,000 bootstrap resamples at 95%, retraining on dataset
 * drift or a degraded metric, on the production data version with the window appended.
 */
export function resolveMonitoring(config: ModelConfig): ResolvedMonitoring {
  const m = config.monitoring ?? {};
  const { columns, driftShare, ...defaults } = m.drift ?? {};
  return {
    source: resolveSource(config),
    ...(m.window === undefined ? {} : { window: m.window }),
    minRows: m.minRows ?? DEFAULT_MIN_ROWS,
    drift: { defaults, driftShare: driftShare ?? 0.5, columns: columns ?? {} },
    concept: {
      metric: m.concept?.metric ?? (config.task === 'regression' ? 'rmse' : 'accuracy'),
      tolerance: m.concept?.tolerance ?? DEFAULT_CONCEPT_TOLERANCE,
      resamples: m.concept?.resamples ?? 1000,
      confidence: m.concept?.confidence ?? 0.95,
    },
    retrain: {
      on: m.retrain?.on ?? ['dataset-drift', 'concept-degraded'],
      data: m.retrain?.data ?? 'reference+current',
    },
  };
}
