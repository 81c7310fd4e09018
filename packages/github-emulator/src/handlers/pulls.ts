import { paginate } from '../pagination';
import { notFound } from '../payloads/errors';
import { fullRepository } from '../payloads/repository';
import type { PullRequest } from '../payloads/schemas';
import { nodeId, timestamp } from '../payloads/urls';
import { simpleUser } from '../payloads/user';
import type { IssueRecord, PullSeed, RepoRecord } from '../state';
import { type Handler, type HandlerContext, idParam, repoOf } from './context';

function pullByNumber(repo: RepoRecord, number: number): { issue: IssueRecord; pull: PullSeed } {
  const issue = repo.issues.get(number);
  if (issue?.pull === undefined) throw notFound();
  return { issue, pull: issue.pull };
}

/** The `pull-request` payload of pull request `issue`. */
export function pullPayload(
  ctx: HandlerContext,
  repo: RepoRecord,
  issue: IssueRecord,
  pull: PullSeed,
): PullRequest {
  const urls = ctx.state.urls;
  const api = `${urls.api}/repos/${repo.fullName}`;
  const web = `${urls.web}/${repo.fullName}`;
  const n = issue.number;
  const repository = fullRepository(urls, repo);
  const headRepo = ctx.state.findRepo(pull.headRepo) ?? repo;
  const headRepository = fullRepository(urls, headRepo);
  const owner = simpleUser(urls, repo.owner);
  const created = timestamp(pull.createdAt);
  const baseSha = ctx.state.resolveSha(repo, pull.baseRef) ?? pull.headSha;
  const additions = pull.files.reduce((sum, f) => sum + f.additions, 0);
  const deletions = pull.files.reduce((sum, f) => sum + f.deletions, 0);
  const link = (href: string) => ({ href });
  return {
    url: `${api}/pulls/${n}`,
    id: 500_000 + n,
    node_id: nodeId('PR', n),
    html_url: `${web}/pull/${n}`,
    diff_url: `${web}/pull/${n}.diff`,
    patch_url: `${web}/pull/${n}.patch`,
    issue_url: `${api}/issues/${n}`,
    commits_url: `${api}/pulls/${n}/commits`,
    review_comments_url: `${api}/pulls/${n}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${n}/comments`,
    statuses_url: `${api}/statuses/${pull.headSha}`,
    number: n,
    state: pull.merge === undefined ? 'open' : 'closed',
    locked: false,
    title: pull.title,
    user: simpleUser(urls, pull.user),
    body: pull.body,
    labels: issue.labels.map((l) => ({ ...l, id: l.id, description: l.description ?? '' })),
    milestone: null,
    active_lock_reason: null,
    created_at: created,
    updated_at: created,
    closed_at: pull.merge === undefined ? null : timestamp(pull.merge.at),
    merged_at: pull.merge === undefined ? null : timestamp(pull.merge.at),
    merge_commit_sha: pull.merge?.sha ?? null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: {
      label: `${headRepo.owner.login}:${pull.headRef}`,
      ref: pull.headRef,
      sha: pull.headSha,
      user: simpleUser(urls, headRepo.owner),
      repo: headRepository,
    },
    base: {
      label: `${repo.owner.login}:${pull.baseRef}`,
      ref: pull.baseRef,
      sha: baseSha,
      user: owner,
      repo: repository,
    },
    _links: {
      self: link(`${api}/pulls/${n}`),
      html: link(`${web}/pull/${n}`),
      issue: link(`${api}/issues/${n}`),
      comments: link(`${api}/issues/${n}/comments`),
      review_comments: link(`${api}/pulls/${n}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      commits: link(`${api}/pulls/${n}/commits`),
      statuses: link(`${api}/statuses/${pull.headSha}`),
    },
    author_association: 'CONTRIBUTOR',
    auto_merge: null,
    draft: false,
    merged: pull.merge !== undefined,
    mergeable: true,
    rebaseable: true,
    mergeable_state: 'clean',
    merged_by: null,
    comments: [...repo.comments.values()].filter((c) => c.issueNumber === n).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions,
    deletions,
    changed_files: pull.files.length,
  };
}

export const getPull: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const { issue, pull } = pullByNumber(repo, idParam(ctx, 'pull_number'));
  return { status: 200, body: pullPayload(ctx, repo, issue, pull) };
};

export const listPullFiles: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const { pull } = pullByNumber(repo, idParam(ctx, 'pull_number'));
  const page = paginate(pull.files, ctx.url);
  return {
    status: 200,
    body: page.items,
    ...(page.link === undefined ? {} : { headers: { link: page.link } }),
  };
};

export const listIssueLabels: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const issue = repo.issues.get(idParam(ctx, 'issue_number'));
  if (issue === undefined) throw notFound();
  const page = paginate(issue.labels, ctx.url);
  return {
    status: 200,
    body: page.items,
    ...(page.link === undefined ? {} : { headers: { link: page.link } }),
  };
};

/**
 * `GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls`: the merged pull request whose merge
 * commit this is, else the open pull requests whose head is this commit (as GitHub documents:
 * a commit not yet on the default branch lists only open pull requests).
 */
export const listPullsForCommit: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const sha = ctx.params.commit_sha;
  if (sha === undefined) throw notFound();
  const all = [...repo.issues.values()].filter(
    (issue): issue is IssueRecord & { pull: PullSeed } => issue.pull !== undefined,
  );
  const merged = all.filter((issue) => issue.pull.merge?.sha === sha);
  const open = all.filter((issue) => issue.pull.merge === undefined && issue.pull.headSha === sha);
  const pulls = (merged.length > 0 ? merged : open).map((issue) =>
    pullPayload(ctx, repo, issue, issue.pull),
  );
  const page = paginate(pulls, ctx.url);
  return {
    status: 200,
    body: page.items,
    ...(page.link === undefined ? {} : { headers: { link: page.link } }),
  };
};
