import type { RepoRecord } from '../state';
import { fullRepository } from './repository';
import type { WorkflowRun } from './schemas';
import { nodeId, timestamp, type Urls } from './urls';
import { type Account, GITHUB_ACTIONS_BOT, simpleUser } from './user';

/** A workflow run as a test seeds it (GitHub records one when a workflow starts). */
export interface AddWorkflowRunOptions {
  readonly id: number;
  /** The workflow file, e.g. `.github/workflows/model-pr.yml`. */
  readonly path: string;
  /** `pull_request`, `push`, `workflow_run`, `schedule`, `workflow_dispatch`, … */
  readonly event: string;
  readonly headSha: string;
  readonly headBranch?: string;
  /** The repository of the head commit: a fork's `pull_request` runs carry the fork. Default: this one. */
  readonly headRepository?: string;
  /** Pull requests of this repository whose head is the run's head (none for a fork's run). */
  readonly pullRequests?: readonly { number: number; headRef: string; baseRef: string }[];
  readonly actor?: Account;
  /** `in_progress` until completed with {@link EmulatorState.completeWorkflowRun}. */
  readonly conclusion?: string;
}

/** Workflow ids are stable per workflow file, as on GitHub. */
export function workflowIdOf(repo: RepoRecord, path: string): number {
  let hash = repo.id;
  for (const char of path) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000_007;
  return hash;
}

/** The `workflow-run` payload of `GET /repos/{owner}/{repo}/actions/runs/{run_id}`. */
export function workflowRunPayload(
  urls: Urls,
  repo: RepoRecord,
  headRepo: RepoRecord,
  options: AddWorkflowRunOptions,
  now: Date,
): WorkflowRun {
  const api = `${urls.api}/repos/${repo.fullName}/actions/runs/${options.id}`;
  const workflowId = workflowIdOf(repo, options.path);
  const created = timestamp(now);
  const actor = simpleUser(urls, options.actor ?? GITHUB_ACTIONS_BOT);
  const minimal = (r: RepoRecord) => ({ ...fullRepository(urls, r), id: r.id });
  return {
    id: options.id,
    name: options.path.replace(/^.*\//, '').replace(/\.ya?ml$/, ''),
    node_id: nodeId('WFR', options.id),
    check_suite_id: options.id + 1,
    head_branch: options.headBranch ?? null,
    head_sha: options.headSha,
    path: options.path,
    run_number: options.id,
    run_attempt: 1,
    event: options.event,
    status: options.conclusion === undefined ? 'in_progress' : 'completed',
    conclusion: options.conclusion ?? null,
    workflow_id: workflowId,
    url: api,
    html_url: `${urls.web}/${repo.fullName}/actions/runs/${options.id}`,
    pull_requests: (options.pullRequests ?? []).map((pull) => ({
      id: 500_000 + pull.number,
      number: pull.number,
      url: `${urls.api}/repos/${repo.fullName}/pulls/${pull.number}`,
      head: {
        ref: pull.headRef,
        sha: options.headSha,
        repo: {
          id: headRepo.id,
          url: `${urls.api}/repos/${headRepo.fullName}`,
          name: headRepo.name,
        },
      },
      base: {
        ref: pull.baseRef,
        sha: options.headSha,
        repo: { id: repo.id, url: `${urls.api}/repos/${repo.fullName}`, name: repo.name },
      },
    })),
    created_at: created,
    updated_at: created,
    run_started_at: created,
    actor,
    triggering_actor: actor,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${urls.api}/repos/${repo.fullName}/check-suites/${options.id + 1}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    workflow_url: `${urls.api}/repos/${repo.fullName}/actions/workflows/${workflowId}`,
    head_commit: null,
    repository: minimal(repo),
    head_repository: minimal(headRepo),
    head_repository_id: headRepo.id,
    display_title: options.path,
  };
}
