import {
  createGitHubClient,
  type GitHubClient,
  GitHubReleasesRegistry,
  type RepoCoordinates,
} from '@repo/github';
import { type GitHubEnv, readGitHubEnv } from './github-env';
import { octokitLog } from './octokit-log';

export interface GitHubConnection {
  readonly github: GitHubEnv;
  readonly where: RepoCoordinates;
  readonly client: GitHubClient;
  /** The model registry on this repository's releases. */
  readonly registry: GitHubReleasesRegistry;
}

/**
 * The repository the run belongs to, one client (retry and throttling, logging through the
 * runner) and the releases registry on it: what every action that talks to GitHub starts with.
 */
export function connectGitHub(
  token: string,
  env: NodeJS.ProcessEnv = process.env,
): GitHubConnection {
  const github = readGitHubEnv(env);
  const where = { owner: github.owner, repo: github.repo };
  const client = createGitHubClient({ token, baseUrl: github.apiUrl, log: octokitLog });
  const registry = new GitHubReleasesRegistry(client, {
    ...where,
    ...(github.sha === undefined ? {} : { commitish: github.sha }),
  });
  return { github, where, client, registry };
}
