export { canonicalJson, stableJson } from './canonical-json';
export { type ConfigIssue, ConfigReadError, ConfigValidationError, formatIssue } from './errors';
export {
  configHash,
  type LoadedConfig,
  loadModelConfig,
  parseModelConfig,
} from './load-config';
export { modelConfigSchema } from './schema-issues';
export { closestMatch, editDistance } from './suggest';
export type * from './types';
