export { canonicalJson, stableJson } from './canonical-json';
export { type ConfigIssue, ConfigReadError, ConfigValidationError, formatIssue } from './errors';
export { MEASURED_METRICS, TASK_METRICS } from './gate-metrics';
export {
  configHash,
  type LoadedConfig,
  loadModelConfig,
  parseModelConfig,
} from './load-config';
export {
  DEFAULT_CONCEPT_TOLERANCE,
  DEFAULT_MIN_ROWS,
  DEFAULT_SOURCE_TIMEOUT_MS,
  defaultSourcePattern,
  type ResolvedMonitoring,
  type ResolvedSource,
  resolveMonitoring,
} from './monitoring-defaults';
export type * from './monitoring-types';
export { modelConfigSchema } from './schema-issues';
export { closestMatch, editDistance } from './suggest';
export type * from './types';
