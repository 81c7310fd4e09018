import { readFile } from 'node:fs/promises';
import { RunnerEnvironmentError } from './errors';

/** What the runner tells an action about the run, read from its environment variables. */
export interface GitHubEnv {
  readonly owner: string;
  readonly repo: string;
  /** `GITHUB_API_URL`, `https://api.github.com` when unset. */
  readonly apiUrl: string;
  /** The workflow run's page, when `GITHUB_SERVER_URL` and `GITHUB_RUN_ID` are set. */
  readonly runUrl: string | undefined;
  readonly sha: string | undefined;
  readonly eventName: string | undefined;
  /** `GITHUB_WORKSPACE`, else the current directory. */
  readonly workspace: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads `GITHUB_REPOSITORY` (required) and the optional run variables. */
export function readGitHubEnv(env: Env = process.env): GitHubEnv {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(repository);
  if (match === null) {
    throw new RunnerEnvironmentError(
      `GITHUB_REPOSITORY is "${repository}": expected "owner/repo" (set by the runner)`,
    );
  }
  const server = env.GITHUB_SERVER_URL;
  const runId = env.GITHUB_RUN_ID;
  return {
    owner: match[1] ?? '',
    repo: match[2] ?? '',
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    runUrl:
      server && runId
        ? `${server.replace(/\/$/, '')}/${repository}/actions/runs/${runId}`
        : undefined,
    sha: env.GITHUB_SHA || undefined,
    eventName: env.GITHUB_EVENT_NAME || undefined,
    workspace: runnerWorkspace(env),
  };
}

/** `GITHUB_WORKSPACE` (where actions/checkout puts the repository), else the current directory. */
export function runnerWorkspace(env: Env = process.env): string {
  return env.GITHUB_WORKSPACE || process.cwd();
}

/** The webhook payload of the triggering event (`GITHUB_EVENT_PATH`); `{}` when there is none. */
export async function readEventPayload(env: Env = process.env): Promise<Record<string, unknown>> {
  const file = env.GITHUB_EVENT_PATH;
  if (file === undefined || file === '') return {};
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new RunnerEnvironmentError(`GITHUB_EVENT_PATH ${file} cannot be read`, { cause });
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch (cause) {
    throw new RunnerEnvironmentError(`GITHUB_EVENT_PATH ${file} is not JSON`, { cause });
  }
}
