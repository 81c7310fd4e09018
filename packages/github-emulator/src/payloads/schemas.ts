import type { components } from '@octokit/openapi-types';

/** Response payload shapes from GitHub's OpenAPI description (`components["schemas"]`). */
export type Schemas = components['schemas'];
export type Artifact = Schemas['artifact'];
export type Release = Schemas['release'];
export type ReleaseAsset = Schemas['release-asset'];
export type GitRef = Schemas['git-ref'];
export type Issue = Schemas['issue'];
export type IssueComment = Schemas['issue-comment'];
export type CheckRun = Schemas['check-run'];
export type CommitStatus = Schemas['status'];
export type CombinedCommitStatus = Schemas['combined-commit-status'];
export type Deployment = Schemas['deployment'];
export type DeploymentStatus = Schemas['deployment-status'];
export type PullRequest = Schemas['pull-request'];
export type DiffEntry = Schemas['diff-entry'];
export type Label = Schemas['label'];
export type FullRepository = Schemas['full-repository'];
export type SimpleUser = Schemas['simple-user'];
export type Integration = NonNullable<Schemas['nullable-integration']>;
export type RateLimitOverview = Schemas['rate-limit-overview'];
export type WorkflowRun = Schemas['workflow-run'];
export type PullRequestMinimal = Schemas['pull-request-minimal'];
export type GitTag = Schemas['git-tag'];
