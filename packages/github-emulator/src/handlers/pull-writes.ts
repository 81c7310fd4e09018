import { paginate } from '../pagination';
import { ApiErrorResponse, notAccessible, notFound } from '../payloads/errors';
import type { IssueRecord, PullSeed } from '../state';
import {
  type Handler,
  type HandlerContext,
  idParam,
  jsonBody,
  optionalString,
  repoOf,
  requiredString,
} from './context';
import { COMMENT_BODY_LIMIT } from './issue-comments';
import { pullPayload } from './pulls';

type PullIssue = IssueRecord & { pull: PullSeed };

function invalid(field: string, message: string): ApiErrorResponse {
  return new ApiErrorResponse(422, 'Validation Failed', {
    errors: [{ resource: 'PullRequest', code: 'custom', field, message }],
  });
}

function bodyField(body: Record<string, unknown>): string | undefined {
  const text = optionalString(body, 'body');
  if (text !== undefined && text.length > COMMENT_BODY_LIMIT) {
    throw invalid('body', `body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`);
  }
  return text;
}

/**
 * `GET /repos/{owner}/{repo}/pulls`: `state` (open by default, closed, all), `head`
 * (`owner:branch`), `base`, newest first, paginated.
 */
export const listPulls: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const query = ctx.url.searchParams;
  const state = query.get('state') ?? 'open';
  const head = query.get('head');
  const base = query.get('base');
  const pulls = [...repo.issues.values()]
    .filter((issue): issue is PullIssue => issue.pull !== undefined)
    .filter((issue) => {
      const open = issue.pull.merge === undefined;
      if (state !== 'all' && (state === 'open') !== open) return false;
      if (base !== null && issue.pull.baseRef !== base) return false;
      if (head === null) return true;
      const headRepo = ctx.state.findRepo(issue.pull.headRepo) ?? repo;
      return `${headRepo.owner.login}:${issue.pull.headRef}` === head;
    })
    .sort((a, b) => b.number - a.number)
    .map((issue) => pullPayload(ctx, repo, issue, issue.pull));
  const page = paginate(pulls, ctx.url);
  return {
    status: 200,
    body: page.items,
    ...(page.link === undefined ? {} : { headers: { link: page.link } }),
  };
};

/** `POST /repos/{owner}/{repo}/pulls` from a branch of this repository (`head`) into `base`. */
export const createPull: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const body = jsonBody(ctx);
  const title = requiredString(body, 'title');
  const head = requiredString(body, 'head');
  const base = requiredString(body, 'base');
  const headRef = head.includes(':') ? head.slice(head.indexOf(':') + 1) : head;
  const headSha = ctx.state.resolveSha(repo, headRef);
  if (headSha === undefined || /^[0-9a-f]{40}$/.test(headRef)) throw invalid('head', 'invalid');
  if (ctx.state.resolveSha(repo, base) === undefined) throw invalid('base', 'invalid');
  const open = [...repo.issues.values()].find(
    (i) => i.pull !== undefined && i.pull.merge === undefined && i.pull.headRef === headRef,
  );
  if (open !== undefined) {
    throw invalid('head', `A pull request already exists for ${repo.owner.login}:${headRef}.`);
  }
  const number = ctx.state.nextIssueNumber(repo);
  ctx.state.addPullRequest(repo.fullName, {
    number,
    title,
    body: bodyField(body) ?? null,
    head: { ref: headRef, sha: headSha },
    base: { ref: base },
    user: ctx.actor,
  });
  const issue = repo.issues.get(number) as PullIssue;
  const payload = pullPayload(ctx, repo, issue, issue.pull);
  return { status: 201, body: payload, headers: { location: payload.url } };
};

function assertMayChange(ctx: HandlerContext, pull: PullSeed): void {
  if (pull.user.login === ctx.actor.login || ctx.state.isMaintainer(ctx.actor)) return;
  throw notAccessible('https://docs.github.com/rest/pulls/pulls#update-a-pull-request');
}

/** `PATCH /repos/{owner}/{repo}/pulls/{pull_number}`: `title` and `body` (by its author). */
export const updatePull: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const issue = repo.issues.get(idParam(ctx, 'pull_number'));
  if (issue?.pull === undefined) throw notFound();
  assertMayChange(ctx, issue.pull);
  const body = jsonBody(ctx);
  if (body.state !== undefined || body.base !== undefined) {
    throw new ApiErrorResponse(400, 'the emulator edits only the title and body of a pull request');
  }
  const title = optionalString(body, 'title');
  const text = bodyField(body);
  if (title !== undefined) {
    issue.pull.title = title;
    issue.title = title;
  }
  if (text !== undefined) issue.pull.body = text;
  return { status: 200, body: pullPayload(ctx, repo, issue, issue.pull) };
};
