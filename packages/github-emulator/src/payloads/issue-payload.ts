import type { IssueRecord, RepoRecord } from '../state';
import type { Issue } from './schemas';
import { nodeId, timestamp, type Urls } from './urls';
import { type Account, simpleUser } from './user';

/** Who opened a seeded pull request or issue when the seed named nobody. */
const SEEDED_AUTHOR: Account = { login: 'octocat', id: 583231, type: 'User' };

/** The author of an issue or pull request as GitHub reports it in `user`. */
export function issueAuthor(issue: IssueRecord): Account {
  return issue.thread?.author ?? issue.pull?.user ?? SEEDED_AUTHOR;
}

/** The issue's state: a pull request is closed once merged; a seeded issue is open. */
export function issueState(issue: IssueRecord): 'open' | 'closed' {
  if (issue.thread !== undefined) return issue.thread.state;
  return issue.pull?.merge === undefined ? 'open' : 'closed';
}

/** The `issue` payload of GitHub's issues routes (a pull request carries `pull_request`). */
export function issuePayload(
  urls: Urls,
  repo: RepoRecord,
  issue: IssueRecord,
  comments: number,
): Issue {
  const api = `${urls.api}/repos/${repo.fullName}`;
  const web = `${urls.web}/${repo.fullName}`;
  const n = issue.number;
  const { thread, pull } = issue;
  const created = thread?.createdAt ?? pull?.createdAt ?? repo.createdAt;
  const closedAt = thread?.closedAt ?? pull?.merge?.at ?? null;
  return {
    id: 700_000 + n,
    node_id: nodeId('I', n),
    url: `${api}/issues/${n}`,
    repository_url: api,
    labels_url: `${api}/issues/${n}/labels{/name}`,
    comments_url: `${api}/issues/${n}/comments`,
    events_url: `${api}/issues/${n}/events`,
    html_url: `${web}/${pull === undefined ? 'issues' : 'pull'}/${n}`,
    number: n,
    state: issueState(issue),
    state_reason: thread?.stateReason ?? null,
    title: issue.title,
    body: thread?.body ?? pull?.body ?? null,
    user: simpleUser(urls, issueAuthor(issue)),
    labels: issue.labels,
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments,
    ...(pull === undefined
      ? {}
      : {
          pull_request: {
            merged_at: pull.merge === undefined ? null : timestamp(pull.merge.at),
            diff_url: `${web}/pull/${n}.diff`,
            html_url: `${web}/pull/${n}`,
            patch_url: `${web}/pull/${n}.patch`,
            url: `${api}/pulls/${n}`,
          },
        }),
    closed_at: closedAt === null ? null : timestamp(closedAt),
    closed_by:
      thread?.closedBy === undefined || thread.closedBy === null
        ? null
        : simpleUser(urls, thread.closedBy),
    created_at: timestamp(created),
    updated_at: timestamp(thread?.updatedAt ?? created),
    author_association: 'NONE',
  };
}
