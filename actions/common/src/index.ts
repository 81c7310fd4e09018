export {
  candidateCacheKey,
  candidateCachePath,
  DVC_CACHE_PATH,
  dvcCacheKey,
} from './cache-keys';
export { errorMessage } from './error-message';
export { ActionInputError, RunnerEnvironmentError } from './errors';
export { type GitHubEnv, readEventPayload, readGitHubEnv, runnerWorkspace } from './github-env';
export { octokitLog } from './octokit-log';
export {
  type InputReader,
  optionalInput,
  parseBoolean,
  parseChoice,
  parseCommitSha,
  parseModelList,
  parseModelName,
  parsePositiveInteger,
  requiredInput,
} from './parse-input';
