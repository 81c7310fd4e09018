export {
  FeatureColumnError,
  FeatureFitError,
  PreprocessorFormatError,
  RowIndexError,
  TargetTransformError,
} from './errors';
export type { FeatureMatrix } from './feature-matrix';
export { featureNames } from './feature-names';
export { fitPreprocessor } from './fit-preprocessor';
export { parsePreprocessor } from './parse-preprocessor';
export { serializePreprocessor } from './serialize-preprocessor';
export type { PreprocessSpec } from './spec';
export {
  type CategoricalFeatureState,
  type FeatureState,
  type NumericFeatureState,
  PREPROCESSOR_VERSION,
  type PreprocessorState,
  type TargetState,
  UNKNOWN_LEVEL,
} from './state';
export type {
  CategoricalColumnLike,
  ColumnLike,
  DateColumnLike,
  NumericColumnLike,
  TableLike,
} from './table';
export { inverseTarget, targetValues, transformTarget } from './target-transform';
export { type FeatureRecord, transformRecords } from './transform-records';
export { transformTable } from './transform-table';
