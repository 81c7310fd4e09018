/** What evaluating a model produces: the input of every report function. */

/** Where the evaluated model came from. Mirrors `Lineage` of `@repo/registry`; extra fields are kept. */
export interface EvaluationLineage {
  readonly gitCommit?: string;
  readonly configHash?: string;
  readonly backend?: string;
  readonly seed?: number;
  readonly trainingMs?: number;
  readonly dataMd5?: string;
  readonly packages?: Readonly<Record<string, string>>;
  readonly createdAt?: string;
  readonly parentVersion?: string;
  readonly [extra: string]: unknown;
}

/** Per-epoch losses of training. */
export interface TrainingHistory {
  readonly loss: readonly number[];
  readonly valLoss: readonly number[];
}

/** metric name → value, e.g. `{ rmse: 0.48, r2: 0.81 }`. */
export type MetricValues = Readonly<Record<string, number>>;

/** group column → level → metrics of the rows at that level (including `count`). */
export type GroupMetrics = Readonly<Record<string, Readonly<Record<string, MetricValues>>>>;

export interface EvaluationResult {
  readonly model: string;
  /** Registry version; absent for an unpublished candidate. */
  readonly version?: string;
  /** Test-split metrics. */
  readonly metrics: MetricValues;
  readonly groups: GroupMetrics;
  /** The (nested) configuration the model was trained with. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly history: TrainingHistory;
  readonly lineage: EvaluationLineage;
  /** The data version: md5 of the data and number of rows. */
  readonly data: { readonly md5: string; readonly rows: number };
}
