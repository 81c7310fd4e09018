export { type ActionInput, type ActionMetadata, readActionMetadata } from './action-metadata';
export { type Annotation, parseAnnotations, parseEnvFile, parsePathFile } from './env-file';
export { EnvFileError, ExpressionError, UnhandledStepError, WorkflowFileError } from './errors';
export {
  type ExpressionScope,
  type ExpressionValue,
  evaluateCondition,
  evaluateExpression,
  interpolate,
  isTruthy,
  toExpressionString,
} from './expression';
export type { GitHubRunOptions } from './github-context';
export { actionlint, policyFindings, type WorkflowFinding } from './lint-workflows';
export {
  inputVariableName,
  type JobResult,
  type NeededJob,
  type RunJobOptions,
  runJob,
  type StepOutcome,
  type StepOverride,
  type StepOverrideContext,
  type StepResult,
} from './run-job';
export {
  parseWorkflow,
  readWorkflow,
  type Workflow,
  type WorkflowJob,
  type WorkflowStep,
} from './workflow-file';
