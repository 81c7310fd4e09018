export { describeGate } from './describe-gate';
export { UnknownGroupError, UnknownMetricDirectionError, UnknownMetricError } from './errors';
export type { GateSubject } from './evaluate-gates';
export { evaluateGates } from './evaluate-gates';
export type {
  EvaluationLineage,
  EvaluationResult,
  GroupMetrics,
  MetricValues,
  TrainingHistory,
} from './evaluation-result';
export {
  formatCount,
  formatDuration,
  formatNumber,
  formatPercent,
  formatSigned,
} from './format-number';
export type { GateResult, GateSpec } from './gate-spec';
export { gatesChangeNotice } from './gates-change-notice';
export type { LearningCurveChart } from './learning-curve-chart';
export { downsampleIndices, learningCurveChart } from './learning-curve-chart';
export {
  type Alignment,
  details,
  escapeCell,
  escapeHtml,
  inlineCode,
  markdownTable,
  UNTRUSTED_TEXT_LIMIT,
  untrustedText,
} from './markdown';
export type { MetricDirection } from './metric-direction';
export { metricDirection } from './metric-direction';
export type { MetricHistoryChart, MetricHistoryPoint } from './metric-history-chart';
export { metricHistoryChart } from './metric-history-chart';
export type { MetricDiffEntry, MetricsDiff, MetricsDiffOptions } from './metrics-diff';
export { metricsDiff } from './metrics-diff';
export { renderMetricsJson } from './metrics-json';
export type { ParamDiffEntry, ParamsDiff, ParamsDiffOptions } from './params-diff';
export { flattenParams, paramsDiff } from './params-diff';
export type { ReportInput } from './render-report';
export { renderReport } from './render-report';
export { reportMarker } from './report-marker';
