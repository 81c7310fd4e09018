/**
 * The declarative model configuration (`models/<name>/model.yaml`).
 * `model.schema.json` in this package is the JSON Schema of the same shape, for editor completion.
 */

import type { MonitoringSpec } from './monitoring-types';

/** How a feature is fed to the model. */
export type FeatureType = 'numeric' | 'categorical';

export interface FeatureSpec {
  /** Column name in the data file. */
  readonly name: string;
  readonly type: FeatureType;
  /** Inclusive lower bound a numeric value may take; a value below it is a data error. */
  readonly min?: number;
  /** Inclusive upper bound a numeric value may take; a value above it is a data error. */
  readonly max?: number;
}

export interface TargetSpec {
  readonly name: string;
  /** Transform applied to the target before training and inverted on prediction. */
  readonly transform: 'none' | 'log' | 'standardize';
  readonly min?: number;
  readonly max?: number;
}

export interface DataSpec {
  /** CSV files, paths relative to the repository root (inside the DVC-tracked `data/`). */
  readonly files: readonly string[];
  /** Largest allowed share of missing values in any feature column (0..1). */
  readonly maxMissingRate: number;
}

export interface SplitSpec {
  /** `random`: seeded shuffle. `time`: the earliest rows train, the latest rows test. */
  readonly method: 'random' | 'time';
  /** Date column for `time` splits (ISO dates or `YYYYMMDDTHHMMSS`). */
  readonly timeColumn?: string;
  readonly validationFraction: number;
  readonly testFraction: number;
}

export interface MissingSpec {
  readonly numeric: 'mean' | 'median' | 'zero';
  /** `mode`: the most frequent training level; `unknown`: a level of its own. */
  readonly categorical: 'mode' | 'unknown';
}

export interface ArchitectureSpec {
  readonly type: 'mlp';
  /** Units of each hidden dense layer, in order. */
  readonly hiddenLayers: readonly number[];
  readonly activation: 'relu' | 'tanh' | 'elu';
}

export interface EarlyStoppingSpec {
  /** Epochs without an improvement of at least `minDelta` in validation loss before training stops. */
  readonly patience: number;
  readonly minDelta: number;
}

export interface TrainingSpec {
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly optimizer: 'adam' | 'sgd';
  readonly earlyStopping: EarlyStoppingSpec | null;
}

/** Quality gates, evaluated on the test split. Metric names are those of `@repo/metrics`. */
export type GateSpec =
  /** The candidate may not be worse than production by more than `tolerance` (relative, 0.02 = 2%). */
  | { readonly type: 'no-regression'; readonly metric: string; readonly tolerance: number }
  /** The metric must be at least `value`. */
  | { readonly type: 'min'; readonly metric: string; readonly value: number }
  /** The metric must be at most `value` (e.g. `latency_p95_ms`, `size_bytes`). */
  | { readonly type: 'max'; readonly metric: string; readonly value: number }
  /** The largest difference of `metric` between the levels of `group` must be at most `value`. */
  | {
      readonly type: 'max-group-gap';
      readonly metric: string;
      readonly group: string;
      readonly value: number;
      /** Levels with fewer test rows than this are left out of the gap (default 1: every level counts). */
      readonly minCount?: number;
    };

export interface ModelConfig {
  readonly name: string;
  readonly description?: string;
  readonly task: 'regression' | 'classification';
  readonly data: DataSpec;
  readonly features: readonly FeatureSpec[];
  readonly target: TargetSpec;
  /** Categorical columns whose levels are compared for fairness. */
  readonly groups: readonly string[];
  readonly split: SplitSpec;
  readonly missing: MissingSpec;
  readonly model: ArchitectureSpec;
  readonly training: TrainingSpec;
  /** Seeds weight initialisation, shuffling and the split. */
  readonly seed: number;
  readonly gates: readonly GateSpec[];
  /** Drift reports and retraining; not part of the training (left out of `configHash`). */
  readonly monitoring?: MonitoringSpec;
}
