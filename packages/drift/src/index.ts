export {
  type Bins,
  binNumeric,
  histogramCounts,
  MAX_DISCRETE_VALUES,
  sturgesEdges,
} from './binning';
export {
  type BootstrapInterval,
  type BootstrapOptions,
  bootstrapDifference,
  pairedBootstrap,
} from './bootstrap';
export { type ChiSquareResult, chiSquareTest } from './chi-square';
export {
  type ColumnDriftDetails,
  type ColumnDriftResult,
  type ColumnDriftRunOptions,
  columnDrift,
  type DriftHistogram,
} from './column-drift';
export type { DriftColumn, SampleSummary } from './column-samples';
export {
  type DatasetDriftOptions,
  type DatasetDriftResult,
  type DriftTable,
  datasetDrift,
} from './dataset-drift';
export { type ColumnProfile, defaultMethod } from './default-method';
export type { NewLevel } from './discrete-test';
export {
  ColumnMismatchError,
  DRIFT_INPUT_EXIT_CODE,
  DriftOptionError,
  EmptySampleError,
  InvalidValueError,
  SampleLengthError,
} from './errors';
export { jensenShannonDistance } from './jensen-shannon';
export {
  KS_EXACT_MAX_N,
  type KsTwoSampleOptions,
  type KsTwoSampleResult,
  ksStatistic,
  ksTwoSample,
} from './ks-two-sample';
export {
  type ColumnDriftOptions,
  DEFAULT_DRIFT_RULES,
  DRIFT_METHODS,
  type DriftMethod,
  type DriftRules,
  type DriftRulesOverride,
  METHOD_SCORE,
  resolveRules,
  type ScoreKind,
} from './options';
export { PSI_EMPTY_BIN_SHARE, populationStabilityIndex, psiShares } from './psi';
export { chiSquareSf } from './special/chi-square-sf';
export { erfc, normalTwoSidedP } from './special/erfc';
export { regularizedGammaP, regularizedGammaQ } from './special/incomplete-gamma';
export { kolmogorovSf } from './special/kolmogorov-sf';
export { ksTwoSampleExactP } from './special/ks-two-sample-exact';
export { smirnovSf } from './special/smirnov-sf';
export { WASSERSTEIN_MIN_NORM, wassersteinDistance, wassersteinNormed } from './wasserstein';
export { type ZTestResult, zTestProportions } from './z-test-proportions';
