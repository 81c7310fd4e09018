import { paginate } from '../pagination';
import { ApiErrorResponse, DOCS, notAccessible, notFound } from '../payloads/errors';
import type { IssueComment } from '../payloads/schemas';
import { nodeId, timestamp } from '../payloads/urls';
import { simpleUser } from '../payloads/user';
import type { CommentRecord, RepoRecord } from '../state';
import {
  type Handler,
  type HandlerContext,
  idParam,
  jsonBody,
  repoOf,
  requiredString,
} from './context';

function commentById(repo: RepoRecord, id: number): CommentRecord {
  const comment = repo.comments.get(id);
  if (comment === undefined) throw notFound();
  return comment;
}

/** GitHub's limit on a comment body, in characters. */
export const COMMENT_BODY_LIMIT = 65_536;

function commentText(ctx: HandlerContext): string {
  const text = requiredString(jsonBody(ctx), 'body');
  if (text.length > COMMENT_BODY_LIMIT) {
    throw new ApiErrorResponse(422, 'Validation Failed', {
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: `body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`,
        },
      ],
    });
  }
  return text;
}

/** Only the comment's author (or a maintainer's token) may edit or delete it. */
function assertMayChange(ctx: HandlerContext, comment: CommentRecord): void {
  if (comment.payload.user?.login === ctx.actor.login) return;
  if (ctx.state.isMaintainer(ctx.actor)) return;
  throw notAccessible(DOCS.updateIssueComment);
}

/** Lists an issue's (or pull request's) comments oldest first, paginated. */
export const listIssueComments: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const number = idParam(ctx, 'issue_number');
  if (!repo.issues.has(number)) throw notFound();
  const comments = [...repo.comments.values()]
    .filter((c) => c.issueNumber === number)
    .map((c) => c.payload);
  const page = paginate(comments, ctx.url);
  return {
    status: 200,
    body: page.items,
    ...(page.link === undefined ? {} : { headers: { link: page.link } }),
  };
};

export const createIssueComment: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const number = idParam(ctx, 'issue_number');
  const issue = repo.issues.get(number);
  if (issue === undefined) throw notFound(DOCS.createIssueComment);
  const text = commentText(ctx);
  const id = ctx.state.nextId();
  const created = timestamp(ctx.state.now());
  const { api, web } = {
    api: `${ctx.state.urls.api}/repos/${repo.fullName}`,
    web: `${ctx.state.urls.web}/${repo.fullName}`,
  };
  const payload: IssueComment = {
    id,
    node_id: nodeId('IC', id),
    url: `${api}/issues/comments/${id}`,
    html_url: `${web}/${issue.pull === undefined ? 'issues' : 'pull'}/${number}#issuecomment-${id}`,
    body: text,
    user: simpleUser(ctx.state.urls, ctx.actor),
    created_at: created,
    updated_at: created,
    issue_url: `${api}/issues/${number}`,
    author_association: 'NONE',
    reactions: {
      url: `${api}/issues/comments/${id}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      confused: 0,
      heart: 0,
      hooray: 0,
      eyes: 0,
      rocket: 0,
    },
  };
  repo.comments.set(id, { issueNumber: number, payload });
  return { status: 201, body: payload, headers: { location: payload.url } };
};

export const getIssueComment: Handler = (ctx) => {
  const repo = repoOf(ctx);
  return { status: 200, body: commentById(repo, idParam(ctx, 'comment_id')).payload };
};

export const updateIssueComment: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const comment = commentById(repo, idParam(ctx, 'comment_id'));
  assertMayChange(ctx, comment);
  const text = commentText(ctx);
  const payload = { ...comment.payload, body: text, updated_at: timestamp(ctx.state.now()) };
  repo.comments.set(payload.id as number, { ...comment, payload });
  return { status: 200, body: payload };
};

export const deleteIssueComment: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const comment = commentById(repo, idParam(ctx, 'comment_id'));
  assertMayChange(ctx, comment);
  repo.comments.delete(comment.payload.id as number);
  return { status: 204 };
};
