/**
 * The `github` context and the `GITHUB_*`/`RUNNER_*` variables of a job, built from the event
 * and the options the way the runner fills them.
 */
import type { ExpressionValue } from './expression';

/** Overrides of what the runner would know about the run. Unset fields derive from the payload. */
export interface GitHubRunOptions {
  /** `owner/name`; default: `payload.repository.full_name`. */
  readonly repository?: string;
  /** `GITHUB_SHA`; default: the push's `after`, the PR's head sha, the workflow_run's head sha, or the release tag's target. */
  readonly sha?: string;
  /** `GITHUB_REF`; default: the push's `ref`, `refs/pull/<n>/merge`, the release tag, or `refs/heads/main`. */
  readonly ref?: string;
  readonly apiUrl?: string;
  readonly serverUrl?: string;
  readonly runId?: number;
  readonly actor?: string;
  /** `github.token` (and `secrets.GITHUB_TOKEN`). */
  readonly token?: string;
}

type Payload = Record<string, unknown>;

const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (current, key) =>
      typeof current === 'object' && current !== null
        ? (current as Record<string, unknown>)[key]
        : undefined,
    value,
  );

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The facts of a run, resolved. */
export interface ResolvedRun {
  readonly eventName: string;
  readonly payload: Payload;
  readonly repository: string;
  readonly sha: string;
  readonly ref: string;
  readonly headRef: string;
  readonly baseRef: string;
  readonly apiUrl: string;
  readonly serverUrl: string;
  readonly runId: number;
  readonly actor: string;
  readonly token: string;
}

/** Fills what the options leave unset from the event payload. */
export function resolveRun(
  eventName: string,
  payload: Payload,
  options: GitHubRunOptions,
): ResolvedRun {
  const pullNumber = at(payload, 'pull_request', 'number');
  const defaultSha =
    str(at(payload, 'after')) ??
    str(at(payload, 'pull_request', 'head', 'sha')) ??
    str(at(payload, 'workflow_run', 'head_sha')) ??
    str(at(payload, 'release', 'target_commitish')) ??
    '0000000000000000000000000000000000000000';
  const releaseTag = str(at(payload, 'release', 'tag_name'));
  const defaultRef =
    str(at(payload, 'ref')) ??
    (typeof pullNumber === 'number' ? `refs/pull/${pullNumber}/merge` : undefined) ??
    (releaseTag === undefined ? undefined : `refs/tags/${releaseTag}`) ??
    'refs/heads/main';
  return {
    eventName,
    payload,
    repository: options.repository ?? str(at(payload, 'repository', 'full_name')) ?? 'owner/repo',
    sha: options.sha ?? defaultSha,
    ref: options.ref ?? defaultRef,
    headRef: eventName.startsWith('pull_request')
      ? (str(at(payload, 'pull_request', 'head', 'ref')) ?? '')
      : '',
    baseRef: eventName.startsWith('pull_request')
      ? (str(at(payload, 'pull_request', 'base', 'ref')) ?? '')
      : '',
    apiUrl: options.apiUrl ?? 'https://api.github.com',
    serverUrl: options.serverUrl ?? 'https://github.com',
    runId: options.runId ?? 1,
    actor: options.actor ?? str(at(payload, 'sender', 'login')) ?? 'octocat',
    token: options.token ?? '',
  };
}

const refName = (ref: string) => ref.replace(/^refs\/(heads|tags)\//, '');

/** The `github` context of expressions. */
export function githubContext(
  run: ResolvedRun,
  job: { id: string; workflow: string; workspace: string; eventPath: string },
): ExpressionValue {
  return {
    event_name: run.eventName,
    event: run.payload as ExpressionValue,
    event_path: job.eventPath,
    repository: run.repository,
    repository_owner: run.repository.split('/')[0] ?? '',
    sha: run.sha,
    ref: run.ref,
    ref_name: refName(run.ref),
    head_ref: run.headRef,
    base_ref: run.baseRef,
    api_url: run.apiUrl,
    server_url: run.serverUrl,
    graphql_url: `${run.apiUrl}/graphql`,
    run_id: String(run.runId),
    run_number: '1',
    run_attempt: '1',
    actor: run.actor,
    triggering_actor: run.actor,
    token: run.token,
    job: job.id,
    workflow: job.workflow,
    workspace: job.workspace,
  };
}

/** The variables the runner sets for every step. */
export function runnerVariables(
  run: ResolvedRun,
  job: { id: string; workflow: string; workspace: string; eventPath: string; runnerTemp: string },
): Record<string, string> {
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: run.eventName,
    GITHUB_EVENT_PATH: job.eventPath,
    GITHUB_REPOSITORY: run.repository,
    GITHUB_REPOSITORY_OWNER: run.repository.split('/')[0] ?? '',
    GITHUB_SHA: run.sha,
    GITHUB_REF: run.ref,
    GITHUB_REF_NAME: refName(run.ref),
    GITHUB_HEAD_REF: run.headRef,
    GITHUB_BASE_REF: run.baseRef,
    GITHUB_API_URL: run.apiUrl,
    GITHUB_SERVER_URL: run.serverUrl,
    GITHUB_GRAPHQL_URL: `${run.apiUrl}/graphql`,
    GITHUB_RUN_ID: String(run.runId),
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: run.actor,
    GITHUB_JOB: job.id,
    GITHUB_WORKFLOW: job.workflow,
    GITHUB_WORKSPACE: job.workspace,
    RUNNER_TEMP: job.runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'workflow-runner',
  };
}
