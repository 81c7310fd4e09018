import { paginate } from '../pagination';
import { notFound } from '../payloads/errors';
import { workflowIdOf } from '../payloads/workflow-run';
import type { RepoRecord } from '../state';
import { type Handler, idParam, repoOf, stringParam } from './context';

/** `GET /repos/{owner}/{repo}/actions/runs/{run_id}`. */
export const getWorkflowRun: Handler = (ctx) => {
  const run = repoOf(ctx).workflowRuns.get(idParam(ctx, 'run_id'));
  if (run === undefined) throw notFound();
  return { status: 200, body: run };
};

/** `GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts?name=`: that run's artifacts only. */
export const listWorkflowRunArtifacts: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const runId = idParam(ctx, 'run_id');
  if (!repo.workflowRuns.has(runId)) throw notFound();
  const name = ctx.url.searchParams.get('name');
  const all = [...repo.artifacts.values()]
    .map((a) => a.payload)
    .filter((a) => a.workflow_run?.id === runId && (name === null || a.name === name))
    .sort((a, b) => b.id - a.id);
  const page = paginate(all, ctx.url);
  return {
    status: 200,
    body: { total_count: all.length, artifacts: page.items },
    ...(page.link === undefined ? {} : { headers: { link: page.link } }),
  };
};

/** A workflow by its numeric id or its file name (`model-pr.yml`), as GitHub accepts both. */
function workflowPathOf(repo: RepoRecord, workflowId: string): string | undefined {
  for (const run of repo.workflowRuns.values()) {
    const file = run.path.replace(/^.*\//, '');
    if (file === workflowId || String(workflowIdOf(repo, run.path)) === workflowId) return run.path;
  }
  return undefined;
}

/**
 * `GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs`, newest first, filtered by
 * `head_sha`, `event`, `status` (a status or a conclusion, as GitHub reads it) and `branch`.
 */
export const listWorkflowRuns: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const path = workflowPathOf(repo, stringParam(ctx, 'workflow_id'));
  if (path === undefined) throw notFound();
  const query = ctx.url.searchParams;
  const headSha = query.get('head_sha');
  const event = query.get('event');
  const status = query.get('status');
  const branch = query.get('branch');
  const runs = [...repo.workflowRuns.values()]
    .filter(
      (run) =>
        run.path === path &&
        (headSha === null || run.head_sha === headSha) &&
        (event === null || run.event === event) &&
        (branch === null || run.head_branch === branch) &&
        (status === null || run.status === status || run.conclusion === status),
    )
    .sort((a, b) => Number(b.id) - Number(a.id));
  const page = paginate(runs, ctx.url);
  return {
    status: 200,
    body: { total_count: runs.length, workflow_runs: page.items },
    ...(page.link === undefined ? {} : { headers: { link: page.link } }),
  };
};
