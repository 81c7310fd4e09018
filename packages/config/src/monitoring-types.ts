/**
 * The `monitoring:` section of `model.yaml`: where the current window comes from, how drift is
 * judged and when retraining is called for. Every key is optional; `resolveMonitoring` fills the
 * defaults. The drift options have the shapes of `@repo/drift`'s `DatasetDriftOptions` (stated
 * here structurally: the config package does not depend on the statistics).
 */

/** Evidently's method names, as `@repo/drift`'s `DriftMethod`. */
export type MonitoringDriftMethod =
  | 'ks'
  | 'chisquare'
  | 'z'
  | 'wasserstein'
  | 'jensenshannon'
  | 'psi';

/** `csv` and `jsonl` are files; `requests` is a JSON Lines log of served requests. */
export type MonitoringSourceFormat = 'csv' | 'jsonl' | 'requests';

/** The long form of `source` (the short form is a string: a path, glob or URL). */
export interface MonitoringSourceSpec {
  /** A path or glob relative to the repository root. */
  readonly path?: string;
  /** An http(s) URL of one CSV or JSON Lines file. */
  readonly url?: string;
  /** Default: from the extension (`.csv`; `.jsonl` / `.ndjson`). */
  readonly format?: MonitoringSourceFormat;
  /** Timeout of an http(s) source in milliseconds (default 10,000). */
  readonly timeoutMs?: number;
}

export interface MonitoringWindowSpec {
  /** A date column of the window. */
  readonly column: string;
  /** `30d`, `4w`, `3m`: the rows within that span before the latest row. */
  readonly last?: string;
  /** Inclusive first day, `YYYY-MM-DD`. */
  readonly from?: string;
  /** Inclusive last day, `YYYY-MM-DD`. */
  readonly to?: string;
}

export interface MonitoringColumnDrift {
  readonly method?: MonitoringDriftMethod;
  readonly threshold?: number;
}

export interface MonitoringDriftSpec extends MonitoringColumnDrift {
  /** Dataset drift when the share of drifted columns is at least this (default 0.5). */
  readonly driftShare?: number;
  readonly columns?: Readonly<Record<string, MonitoringColumnDrift>>;
}

export interface MonitoringConceptSpec {
  /** Default `rmse` (regression) or `accuracy` (classification). */
  readonly metric?: string;
  /** Relative worsening counted as degraded (0.1 = 10%). Default 0.1. */
  readonly tolerance?: number;
  readonly resamples?: number;
  readonly confidence?: number;
}

export type RetrainTrigger = 'dataset-drift' | 'prediction-drift' | 'concept-degraded' | 'always';

export interface MonitoringRetrainSpec {
  readonly on?: readonly RetrainTrigger[];
  /** `reference+current`: the production data version with the window appended; `current`: the window only. */
  readonly data?: 'reference+current' | 'current';
}

export interface MonitoringSpec {
  readonly source?: string | MonitoringSourceSpec;
  readonly window?: MonitoringWindowSpec;
  readonly minRows?: number;
  readonly drift?: MonitoringDriftSpec;
  readonly concept?: MonitoringConceptSpec;
  readonly retrain?: MonitoringRetrainSpec;
}
