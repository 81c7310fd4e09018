export {
  type DelayRule,
  type Fault,
  FaultInjector,
  type FaultMatcher,
  type FaultRule,
  SECONDARY_RATE_LIMIT_MESSAGE,
} from './faults';
export { DEFAULT_PER_PAGE, MAX_PER_PAGE, type Page, paginate } from './pagination';
export { ApiErrorResponse, type ErrorBody, type ValidationErrorEntry } from './payloads/errors';
export type * from './payloads/schemas';
export { type Account, GITHUB_ACTIONS_BOT } from './payloads/user';
export type { AddWorkflowRunOptions } from './payloads/workflow-run';
export {
  type AccessLevel,
  grantingScope,
  parseJobPermissions,
  type RequiredPermission,
  requiredPermission,
  TOKEN_SCOPES,
  type TokenPermissions,
  type TokenScope,
} from './permissions';
export type { HttpMethod, RouteHost, RouteSpec } from './route-spec';
export { githubRoutes, type RouteMatch, RouteTable } from './route-table';
export { OPENAPI_VERSION } from './route-table.generated';
export { API_PREFIX, UPLOADS_PREFIX } from './router';
export { type Emulator, type EmulatorOptions, startEmulator } from './server';
export {
  type AddPullRequestOptions,
  type AddRepoOptions,
  type ArtifactRecord,
  EmulatorSeedError,
  EmulatorState,
  fakeSha,
  type PermissionUse,
  type RecordedRequest,
  type RepoRecord,
} from './state';
