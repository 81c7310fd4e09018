export { accuracy } from './accuracy';
export { type BinaryConfusion, binaryConfusion } from './binary-confusion';
export { type ClassificationMetrics, classificationMetrics } from './classification-metrics';
export {
  BinaryLabelError,
  EmptyInputError,
  GroupCodeError,
  MetricArgumentError,
  MetricLengthError,
  MissingValueError,
  NoEligibleGroupsError,
  UnknownMetricError,
} from './errors';
export { f1Score } from './f1-score';
export { type GroupResult, groupMetrics, MISSING_GROUP_LEVEL } from './group-metrics';
export { type GroupGap, type LargestGapOptions, largestGap } from './largest-gap';
export { logLoss } from './log-loss';
export { mean } from './mean';
export { meanAbsoluteError } from './mean-absolute-error';
export { meanAbsolutePercentageError } from './mean-absolute-percentage-error';
export { meanSquaredError } from './mean-squared-error';
export {
  type LatencyPercentiles,
  type LatencyResult,
  type MeasureLatencyOptions,
  measureLatency,
} from './measure-latency';
export { percentile } from './percentile';
export { populationStd } from './population-std';
export { precision } from './precision';
export { r2Score } from './r2-score';
export { recall } from './recall';
export { type RegressionMetrics, regressionMetrics } from './regression-metrics';
export { rocAuc } from './roc-auc';
export { rootMeanSquaredError } from './root-mean-squared-error';
