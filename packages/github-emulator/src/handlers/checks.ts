import { paginate } from '../pagination';
import { ApiErrorResponse, DOCS, notFound, unprocessable } from '../payloads/errors';
import { githubActionsApp } from '../payloads/integration';
import type { CheckRun } from '../payloads/schemas';
import { nodeId, timestamp } from '../payloads/urls';
import type { RepoRecord } from '../state';
import {
  type Handler,
  type HandlerContext,
  idParam,
  jsonBody,
  optionalEnum,
  optionalString,
  repoOf,
  requiredString,
  stringParam,
} from './context';

const STATUSES = ['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending'] as const;
/** Conclusions a client may set (`stale` is set by GitHub only). */
const CONCLUSIONS = [
  'action_required',
  'cancelled',
  'failure',
  'neutral',
  'success',
  'skipped',
  'timed_out',
] as const;

interface OutputInput {
  title: string | null;
  summary: string | null;
  text: string | null;
  annotations: number;
}

function readOutput(body: Record<string, unknown>, previous: OutputInput | undefined): OutputInput {
  const raw = body.output;
  if (raw === undefined || raw === null) {
    return previous ?? { title: null, summary: null, text: null, annotations: 0 };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ApiErrorResponse(
      422,
      `Invalid request.\n\nFor 'properties/output', ${JSON.stringify(raw)} is not an object.`,
    );
  }
  const output = raw as Record<string, unknown>;
  const annotations = Array.isArray(output.annotations) ? output.annotations.length : 0;
  const read = {
    title: requiredString(output, 'title'),
    summary: requiredString(output, 'summary'),
    text: optionalString(output, 'text') ?? null,
    annotations: (previous?.annotations ?? 0) + annotations,
  };
  for (const field of ['summary', 'text'] as const) {
    const value = read[field];
    if (value !== null && value.length > CHECK_OUTPUT_LIMIT) {
      throw unprocessable(
        `Invalid request.\n\nOnly ${CHECK_OUTPUT_LIMIT} characters are allowed; ${value.length} were supplied.`,
        DOCS.createCheckRun,
      );
    }
  }
  return read;
}

/** GitHub's limit on a check run's `output.summary` and `output.text`, in characters. */
export const CHECK_OUTPUT_LIMIT = 65_535;

/**
 * Check runs belong to a GitHub App: a person's token cannot create one (GitHub answers 403),
 * and only the app that created a run may update it (here every bot token is the
 * github-actions app's).
 */
function assertApp(ctx: HandlerContext): void {
  if (ctx.actor.type !== 'Bot') {
    throw new ApiErrorResponse(403, 'You must authenticate via a GitHub App.', {
      documentationUrl: DOCS.createCheckRun,
    });
  }
}

/**
 * Applies status/conclusion rules: a conclusion implies `status: "completed"`; completing
 * without a conclusion is rejected; `completed_at` defaults to now when completing.
 */
function lifecycle(
  ctx: HandlerContext,
  body: Record<string, unknown>,
  current: Pick<CheckRun, 'status' | 'conclusion' | 'started_at' | 'completed_at'> | undefined,
): Pick<CheckRun, 'status' | 'conclusion' | 'started_at' | 'completed_at'> {
  const now = timestamp(ctx.state.now());
  const conclusion = optionalEnum(body, 'conclusion', CONCLUSIONS) ?? current?.conclusion ?? null;
  let status = optionalEnum(body, 'status', STATUSES) ?? current?.status ?? 'queued';
  if (optionalEnum(body, 'conclusion', CONCLUSIONS) !== undefined) status = 'completed';
  if (status === 'completed' && conclusion === null) {
    throw unprocessable(
      'Invalid request.\n\nNo conclusion was provided for a completed check run.',
      DOCS.createCheckRun,
    );
  }
  return {
    status,
    conclusion: status === 'completed' ? conclusion : null,
    started_at: optionalString(body, 'started_at') ?? current?.started_at ?? now,
    completed_at:
      status === 'completed'
        ? (optionalString(body, 'completed_at') ?? current?.completed_at ?? now)
        : null,
  };
}

function suiteFor(ctx: HandlerContext, repo: RepoRecord, sha: string): number {
  const existing = repo.checkSuites.get(sha);
  if (existing !== undefined) return existing;
  const id = ctx.state.nextId();
  repo.checkSuites.set(sha, id);
  return id;
}

const outputs = new WeakMap<CheckRun, OutputInput>();

export const createCheckRun: Handler = (ctx) => {
  const repo = repoOf(ctx);
  assertApp(ctx);
  const body = jsonBody(ctx);
  const name = requiredString(body, 'name');
  const headSha = requiredString(body, 'head_sha');
  if (!/^[0-9a-f]{40}$/.test(headSha)) {
    throw unprocessable(`No commit found for SHA: ${headSha}`, DOCS.createCheckRun);
  }
  const id = ctx.state.nextId();
  const api = `${ctx.state.urls.api}/repos/${repo.fullName}`;
  const output = readOutput(body, undefined);
  const run: CheckRun = {
    id,
    node_id: nodeId('CR', id),
    head_sha: headSha,
    external_id: optionalString(body, 'external_id') ?? '',
    url: `${api}/check-runs/${id}`,
    html_url: `${ctx.state.urls.web}/${repo.fullName}/runs/${id}`,
    details_url:
      optionalString(body, 'details_url') ?? `${ctx.state.urls.web}/${repo.fullName}/runs/${id}`,
    ...lifecycle(ctx, body, undefined),
    output: {
      title: output.title,
      summary: output.summary,
      text: output.text,
      annotations_count: output.annotations,
      annotations_url: `${api}/check-runs/${id}/annotations`,
    },
    name,
    check_suite: { id: suiteFor(ctx, repo, headSha) },
    app: githubActionsApp(ctx.state.urls),
    pull_requests: [],
  };
  repo.checkRuns.set(id, run);
  outputs.set(run, output);
  return { status: 201, body: run, headers: { location: run.url } };
};

export const updateCheckRun: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const current = repo.checkRuns.get(idParam(ctx, 'check_run_id'));
  if (current === undefined) throw notFound();
  assertApp(ctx);
  if (current.app?.slug !== githubActionsApp(ctx.state.urls).slug) {
    throw new ApiErrorResponse(403, 'Invalid OAuth application credentials.', {
      documentationUrl: DOCS.createCheckRun,
    });
  }
  const body = jsonBody(ctx);
  const output = readOutput(body, outputs.get(current));
  const run: CheckRun = {
    ...current,
    name: optionalString(body, 'name') ?? current.name,
    details_url: optionalString(body, 'details_url') ?? current.details_url,
    external_id: optionalString(body, 'external_id') ?? current.external_id,
    ...lifecycle(ctx, body, current),
    output: {
      ...current.output,
      title: output.title,
      summary: output.summary,
      text: output.text,
      annotations_count: output.annotations,
    },
  };
  repo.checkRuns.set(current.id as number, run);
  outputs.set(run, output);
  return { status: 200, body: run };
};

export const getCheckRun: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const run = repo.checkRuns.get(idParam(ctx, 'check_run_id'));
  if (run === undefined) throw notFound();
  return { status: 200, body: run };
};

/**
 * `GET /repos/{owner}/{repo}/commits/{ref}/check-runs`: `{ total_count, check_runs }`,
 * newest first, filtered by `check_name` and `status`; `filter=latest` (default) keeps the
 * most recent run per name.
 */
export const listCheckRunsForRef: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const ref = stringParam(ctx, 'ref');
  const sha = ctx.state.resolveSha(repo, ref);
  if (sha === undefined) throw unprocessable(`No commit found for SHA: ${ref}`);
  const checkName = ctx.url.searchParams.get('check_name');
  const status = ctx.url.searchParams.get('status');
  const latestOnly = (ctx.url.searchParams.get('filter') ?? 'latest') === 'latest';
  const seen = new Set<string>();
  const runs = [...repo.checkRuns.values()]
    .filter((r) => r.head_sha === sha)
    .sort((a, b) => Number(b.id) - Number(a.id))
    .filter((r) => {
      if (!latestOnly) return true;
      if (seen.has(r.name)) return false;
      seen.add(r.name);
      return true;
    })
    .filter(
      (r) =>
        (checkName === null || r.name === checkName) && (status === null || r.status === status),
    );
  const page = paginate(runs, ctx.url);
  return {
    status: 200,
    body: { total_count: runs.length, check_runs: page.items },
    ...(page.link === undefined ? {} : { headers: { link: page.link } }),
  };
};
