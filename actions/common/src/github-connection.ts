import {
  createGitHubClient,
  type GitHubClient,
  type GitHubClientOptions,
  GitHubReleasesRegistry,
  type RepoCoordinates,
} from '@repo/github';
import {
  type BackendPreference,
  createContext,
  findRepoRoot,
  type PipelineContext,
} from '@repo/pipeline';
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
 * `throttle` is for tests against the emulator (no waiting between writes).
 */
export function connectGitHub(
  token: string,
  env: NodeJS.ProcessEnv = process.env,
  throttle?: GitHubClientOptions['throttle'],
): GitHubConnection {
  const github = readGitHubEnv(env);
  const where = { owner: github.owner, repo: github.repo };
  const client = createGitHubClient({
    token,
    baseUrl: github.apiUrl,
    log: octokitLog,
    ...(throttle === undefined ? {} : { throttle }),
  });
  const registry = new GitHubReleasesRegistry(client, {
    ...where,
    ...(github.sha === undefined ? {} : { commitish: github.sha }),
  });
  return { github, where, client, registry };
}

/**
 * The pipeline context of an action that talks to GitHub: the repository checked out in the
 * workspace, the releases registry of the connection, the backend asked for, and lines to `log`
 * (no progress bars: runner logs are not terminals).
 */
export function pipelineContextFor(
  connection: Pick<GitHubConnection, 'github' | 'registry'>,
  backend: BackendPreference,
  log: (line: string) => void,
): PipelineContext {
  return createContext({
    root: findRepoRoot(connection.github.workspace),
    registry: connection.registry,
    backend,
    log,
    progress: null,
  });
}
