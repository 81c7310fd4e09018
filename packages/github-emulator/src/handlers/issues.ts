import { paginate } from '../pagination';
import { ApiErrorResponse, DOCS, notAccessible, notFound } from '../payloads/errors';
import { issueAuthor, issuePayload, issueState } from '../payloads/issue-payload';
import type { Label } from '../payloads/schemas';
import type { IssueRecord, IssueThread, RepoRecord } from '../state';
import {
  type Handler,
  type HandlerContext,
  idParam,
  jsonBody,
  optionalEnum,
  optionalString,
  repoOf,
  requiredString,
} from './context';
import { COMMENT_BODY_LIMIT } from './issue-comments';

const STATE_REASONS = ['completed', 'not_planned', 'duplicate', 'reopened'] as const;

function payloadOf(ctx: HandlerContext, repo: RepoRecord, issue: IssueRecord) {
  const comments = [...repo.comments.values()].filter((c) => c.issueNumber === issue.number);
  return issuePayload(ctx.state.urls, repo, issue, comments.length);
}

function issueByNumber(repo: RepoRecord, number: number): IssueRecord {
  const issue = repo.issues.get(number);
  if (issue === undefined) throw notFound();
  return issue;
}

function invalid(field: string, message: string): ApiErrorResponse {
  return new ApiErrorResponse(422, 'Validation Failed', {
    errors: [{ resource: 'Issue', code: 'custom', field, message }],
  });
}

/** An issue body: a string within GitHub's limit, or null. */
function bodyField(body: Record<string, unknown>): string | null | undefined {
  if (body.body === null) return null;
  const text = optionalString(body, 'body');
  if (text !== undefined && text.length > COMMENT_BODY_LIMIT) {
    throw invalid('body', `body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`);
  }
  return text;
}

/** `labels`: names (or `{ name }` objects); a missing label is created, as on GitHub. */
function labelsField(
  ctx: HandlerContext,
  repo: RepoRecord,
  body: Record<string, unknown>,
): Label[] | undefined {
  const value = body.labels;
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    throw new ApiErrorResponse(
      422,
      `Invalid request.\n\nFor 'properties/labels', ${JSON.stringify(value)} is not an array.`,
    );
  }
  const known = new Map<string, Label>();
  for (const issue of repo.issues.values()) for (const l of issue.labels) known.set(l.name, l);
  return value.map((entry) => {
    const name =
      typeof entry === 'string' ? entry : ((entry as { name?: unknown } | null)?.name ?? undefined);
    if (typeof name !== 'string' || name.trim() === '') throw invalid('labels', 'invalid label');
    const label = known.get(name) ?? ctx.state.label(repo, name);
    known.set(name, label);
    return label;
  });
}

/** Only the issue's author (or a maintainer's token) may edit it here. */
function assertMayChange(ctx: HandlerContext, issue: IssueRecord): void {
  if (issueAuthor(issue).login === ctx.actor.login) return;
  if (ctx.state.isMaintainer(ctx.actor)) return;
  throw notAccessible(DOCS.updateIssue);
}

function matches(issue: IssueRecord, query: URLSearchParams): boolean {
  const state = query.get('state') ?? 'open';
  if (state !== 'all' && issueState(issue) !== state) return false;
  const creator = query.get('creator');
  if (creator !== null && issueAuthor(issue).login.toLowerCase() !== creator.toLowerCase()) {
    return false;
  }
  const wanted = (query.get('labels') ?? '')
    .split(',')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return wanted.every((name) => issue.labels.some((l) => l.name === name));
}

/**
 * Lists a repository's issues and pull requests: `state` (open by default, closed, all), `labels`
 * (comma-separated, all of them), `creator`, `sort` (created, updated) and `direction` (desc by
 * default), paginated.
 */
export const listRepoIssues: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const query = ctx.url.searchParams;
  const sort = query.get('sort') === 'updated' ? 'updated_at' : 'created_at';
  const ascending = query.get('direction') === 'asc';
  const items = [...repo.issues.values()]
    .filter((issue) => matches(issue, query))
    .map((issue) => payloadOf(ctx, repo, issue))
    .sort((a, b) => {
      const order = a[sort].localeCompare(b[sort]) || a.number - b.number;
      return ascending ? order : -order;
    });
  const page = paginate(items, ctx.url);
  return {
    status: 200,
    body: page.items,
    ...(page.link === undefined ? {} : { headers: { link: page.link } }),
  };
};

export const createIssue: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const body = jsonBody(ctx);
  const title = requiredString(body, 'title');
  if (title.trim() === '') throw invalid('title', 'title cannot be blank');
  const now = ctx.state.now();
  const thread: IssueThread = {
    author: ctx.actor,
    createdAt: now,
    body: bodyField(body) ?? null,
    state: 'open',
    stateReason: null,
    updatedAt: now,
    closedAt: null,
    closedBy: null,
  };
  const number = ctx.state.nextIssueNumber(repo);
  const issue: IssueRecord = {
    number,
    title,
    labels: labelsField(ctx, repo, body) ?? [],
    pull: undefined,
    thread,
  };
  repo.issues.set(number, issue);
  const payload = payloadOf(ctx, repo, issue);
  return { status: 201, body: payload, headers: { location: payload.url } };
};

export const getIssue: Handler = (ctx) => {
  const repo = repoOf(ctx);
  return {
    status: 200,
    body: payloadOf(ctx, repo, issueByNumber(repo, idParam(ctx, 'issue_number'))),
  };
};

/** Closing records when and by whom (`state_reason` default `completed`); reopening clears it. */
function applyState(
  ctx: HandlerContext,
  thread: IssueThread,
  state: 'open' | 'closed' | undefined,
  reason: IssueThread['stateReason'] | undefined,
): void {
  if (state === 'closed' && thread.state === 'open') {
    thread.state = 'closed';
    thread.closedAt = ctx.state.now();
    thread.closedBy = ctx.actor;
    thread.stateReason = reason ?? 'completed';
  } else if (state === 'open' && thread.state === 'closed') {
    thread.state = 'open';
    thread.closedAt = null;
    thread.closedBy = null;
    thread.stateReason = reason ?? 'reopened';
  } else if (reason !== undefined) {
    thread.stateReason = reason;
  }
}

/** Updates `title`, `body`, `state`, `state_reason` and `labels` of an issue created here. */
export const updateIssue: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const issue = issueByNumber(repo, idParam(ctx, 'issue_number'));
  assertMayChange(ctx, issue);
  const thread = issue.thread;
  if (thread === undefined) {
    throw new ApiErrorResponse(400, 'the emulator edits only issues created through POST /issues');
  }
  const body = jsonBody(ctx);
  const title = optionalString(body, 'title');
  const text = bodyField(body);
  const state = optionalEnum(body, 'state', ['open', 'closed'] as const);
  const reason =
    body.state_reason === null ? null : optionalEnum(body, 'state_reason', STATE_REASONS);
  const labels = labelsField(ctx, repo, body);
  if (title !== undefined) {
    if (title.trim() === '') throw invalid('title', 'title cannot be blank');
    issue.title = title;
  }
  if (text !== undefined) thread.body = text;
  if (labels !== undefined) issue.labels = labels;
  applyState(ctx, thread, state, reason);
  thread.updatedAt = ctx.state.now();
  return { status: 200, body: payloadOf(ctx, repo, issue) };
};
