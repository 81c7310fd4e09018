/** The version written to, and required from, serialized preprocessor states. */
export const PREPROCESSOR_VERSION = 1;

/**
 * A numeric feature: missing values become `imputeValue`, then every value is standardized,
 * `x' = (x − mean) / std`.
 */
export interface NumericFeatureState {
  readonly kind: 'numeric';
  readonly name: string;
  /** How `imputeValue` was chosen from the training rows. */
  readonly missing: 'mean' | 'median' | 'zero';
  readonly imputeValue: number;
  /** Mean of the imputed training column. */
  readonly mean: number;
  /** Population standard deviation of the imputed training column (1 when it is 0). */
  readonly std: number;
}

/**
 * A categorical feature, one-hot encoded over `levels` (the levels seen in the training rows,
 * sorted by UTF-16 code units). With `missing: 'unknown'` one more slot, last, takes missing
 * values and levels never seen in training. With `missing: 'mode'` a missing value is encoded
 * as `imputeLevel` (the most frequent training level) and an unseen level as all zeros.
 */
export interface CategoricalFeatureState {
  readonly kind: 'categorical';
  readonly name: string;
  readonly missing: 'mode' | 'unknown';
  readonly levels: readonly string[];
  /** The level missing values take (`mode` only; null for `unknown`). */
  readonly imputeLevel: string | null;
}

export type FeatureState = NumericFeatureState | CategoricalFeatureState;

/** The target transform: `none` (y' = y), `log` (y' = ln y) or `standardize` (y' = (y − mean) / std). */
export type TargetState =
  | { readonly name: string; readonly transform: 'none' }
  | {
      readonly name: string;
      readonly transform: 'log';
      /** Mean of ln y over the training targets. */
      readonly mean: number;
      /** Population standard deviation of ln y over the training targets (1 when it is 0). */
      readonly std: number;
    }
  | {
      readonly name: string;
      readonly transform: 'standardize';
      /** Mean of the training targets. */
      readonly mean: number;
      /** Population standard deviation of the training targets (1 when it is 0). */
      readonly std: number;
    };

/**
 * Everything needed to turn raw rows into model inputs, fitted on the training rows only.
 * Plain JSON: `serializePreprocessor` writes it, `parsePreprocessor` reads it back.
 */
export interface PreprocessorState {
  readonly version: typeof PREPROCESSOR_VERSION;
  readonly features: readonly FeatureState[];
  readonly target: TargetState;
  /** Names of the model's input columns, in order (`sqft`, `neighborhood=Ballard`, …). */
  readonly featureNames: readonly string[];
}

/** The label of the extra one-hot slot of a categorical feature with `missing: 'unknown'`. */
export const UNKNOWN_LEVEL = '(unknown)';
