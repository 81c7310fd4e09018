export type { GitHubClient, GitHubClientOptions, GitHubLog } from './client';
export { createGitHubClient } from './client';
export type { PromotionPayload } from './deployments';
export {
  PRODUCTION_ENVIRONMENT,
  readPromotionHistory,
  recordPromotion,
} from './deployments';
export { DeploymentFailedError, PublishAbortedError } from './errors';
export type { Release, ReleaseAsset, RepoCoordinates } from './release-assets';
export { downloadReleaseAsset, uploadReleaseAsset } from './release-assets';
export type { GitHubReleasesRegistryOptions } from './releases-registry';
export { GitHubReleasesRegistry } from './releases-registry';
export { VERSION_MANIFEST_FILE } from './version-files';
