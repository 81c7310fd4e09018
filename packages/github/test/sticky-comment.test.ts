import { type Emulator, GITHUB_ACTIONS_BOT, startEmulator } from '@repo/github-emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createGitHubClient,
  GITHUB_TEXT_LIMIT,
  type GitHubClient,
  InvalidStickyMarkerError,
  upsertStickyComment,
} from '../src/index';
import { OWNER, REPO, testClient } from './harness';

const BOT = GITHUB_ACTIONS_BOT.login;
const MALLORY = { login: 'mallory', id: 666, type: 'User' } as const;

const MARKER = '<!-- mlops-report:house-prices -->';

let gh: Emulator;
let client: GitHubClient;
let nextPr = 1;

let stranger: GitHubClient;

beforeAll(async () => {
  gh = await startEmulator({
    tokens: { 'test-token': GITHUB_ACTIONS_BOT, 'mallory-token': MALLORY },
  });
  gh.state.addRepo(`${OWNER}/${REPO}`, { defaultBranch: 'main' });
  client = testClient(gh);
  stranger = createGitHubClient({
    token: 'mallory-token',
    baseUrl: gh.apiUrl,
    retries: 0,
    throttle: { enabled: false },
  });
});
afterAll(async () => {
  await gh.close();
});
afterEach(() => {
  expect(gh.state.unknownRoutes).toEqual([]);
  expect(gh.state.unimplementedRoutes).toEqual([]);
});

/** A fresh pull request number. */
function newPullRequest(): number {
  const number = nextPr++;
  gh.state.addPullRequest(`${OWNER}/${REPO}`, { number });
  return number;
}

/** The comments of `issueNumber` in the emulator, oldest first. */
function commentsOf(issueNumber: number): { id: number; body: string }[] {
  return [...gh.state.repo(`${OWNER}/${REPO}`).comments.values()]
    .filter((c) => c.issueNumber === issueNumber)
    .map((c) => ({ id: Number(c.payload.id), body: String(c.payload.body) }))
    .sort((a, b) => a.id - b.id);
}

function upsert(issueNumber: number, body: string, marker = MARKER, by = client) {
  return upsertStickyComment(by, {
    owner: OWNER,
    repo: REPO,
    issueNumber,
    marker,
    body,
    author: BOT,
  });
}

async function comment(issueNumber: number, body: string, by = client): Promise<number> {
  const { data } = await by.rest.issues.createComment({
    owner: OWNER,
    repo: REPO,
    issue_number: issueNumber,
    body,
  });
  return data.id;
}

describe('upsertStickyComment', () => {
  it('creates the comment when the pull request has none with the marker', async () => {
    const pr = newPullRequest();
    const result = await upsert(pr, `${MARKER}\n# Report v1`);
    expect(result.action).toBe('created');
    expect(commentsOf(pr)).toEqual([{ id: result.id, body: `${MARKER}\n# Report v1` }]);
  });

  it('updates the same comment in place on a second call', async () => {
    const pr = newPullRequest();
    const first = await upsert(pr, `${MARKER}\nfirst`);
    const second = await upsert(pr, `${MARKER}\nsecond`);
    expect(second).toEqual({ id: first.id, action: 'updated' });
    expect(commentsOf(pr)).toEqual([{ id: first.id, body: `${MARKER}\nsecond` }]);
  });

  it('prepends the marker when the body lacks it, so the next call finds the comment', async () => {
    const pr = newPullRequest();
    const first = await upsert(pr, 'no marker here');
    expect(commentsOf(pr)[0]?.body).toBe(`${MARKER}\nno marker here`);
    expect((await upsert(pr, 'still none')).id).toBe(first.id);
    expect(commentsOf(pr)).toHaveLength(1);
  });

  it('ends two concurrent calls of two jobs with exactly one comment carrying one of their bodies', async () => {
    const pr = newPullRequest();
    const posts = () =>
      gh.state.requests.filter(
        (r) => r.method === 'POST' && r.path.endsWith(`/issues/${pr}/comments`),
      ).length;
    const [a, b] = await Promise.all([
      upsert(pr, `${MARKER}\njob A`, MARKER, testClient(gh)),
      upsert(pr, `${MARKER}\njob B`, MARKER, testClient(gh)),
    ]);
    expect(posts()).toBe(2); // both jobs saw no comment and created one: the race happened
    const left = commentsOf(pr);
    expect(left).toHaveLength(1);
    expect(a.id).toBe(left[0]?.id);
    expect(b.id).toBe(left[0]?.id);
    expect([`${MARKER}\njob A`, `${MARKER}\njob B`]).toContain(left[0]?.body);
    // a later, sequential call wins
    await upsert(pr, `${MARKER}\njob C`);
    expect(commentsOf(pr)).toEqual([{ id: a.id, body: `${MARKER}\njob C` }]);
  });

  it('moves the body of a job whose create landed after the other job finished onto the older comment', async () => {
    const pr = newPullRequest();
    // Both jobs list an empty PR; the first create is held back until the other job is done.
    gh.faults.delay({
      method: 'POST',
      path: `/repos/${OWNER}/${REPO}/issues/${pr}/comments`,
      ms: 150,
    });
    const bodies = [`${MARKER}\njob A`, `${MARKER}\njob B`] as const;
    const results = await Promise.all(
      bodies.map((body) => upsert(pr, body, MARKER, testClient(gh))),
    );
    const late = results.findIndex((r) => r.action === 'updated');
    expect(results.map((r) => r.action).sort()).toEqual(['created', 'updated']);
    expect(results[0]?.id).toBe(results[1]?.id);
    expect(commentsOf(pr)).toEqual([{ id: results[0]?.id, body: bodies[late] }]);
    expect(gh.faults.pending).toBe(0);
  });

  it('leaves comments without the marker and comments with another model marker untouched', async () => {
    const pr = newPullRequest();
    const human = await comment(pr, 'LGTM, but check the RMSE');
    const otherModel = await comment(pr, '<!-- mlops-report:house -->\nhouse report');
    const mentions = await comment(pr, 'mlops-report:house-prices looks off');
    const result = await upsert(pr, `${MARKER}\nreport`);
    await upsert(pr, `${MARKER}\nreport 2`);
    expect(commentsOf(pr)).toEqual([
      { id: human, body: 'LGTM, but check the RMSE' },
      { id: otherModel, body: '<!-- mlops-report:house -->\nhouse report' },
      { id: mentions, body: 'mlops-report:house-prices looks off' },
      { id: result.id, body: `${MARKER}\nreport 2` },
    ]);
  });

  it('finds the comment beyond the first page of more than 100 comments', async () => {
    const pr = newPullRequest();
    const seeder = testClient(gh, { throttle: false });
    for (let i = 0; i < 105; i++) {
      await seeder.rest.issues.createComment({
        owner: OWNER,
        repo: REPO,
        issue_number: pr,
        body: `chatter ${i}`,
      });
    }
    const marked = await comment(pr, `${MARKER}\nold report`);
    const result = await upsert(pr, `${MARKER}\nnew report`);
    expect(result).toEqual({ id: marked, action: 'updated' });
    const comments = commentsOf(pr);
    expect(comments).toHaveLength(106);
    expect(comments.filter((c) => c.body.includes(MARKER))).toEqual([
      { id: marked, body: `${MARKER}\nnew report` },
    ]);
    expect(
      gh.state.requests.some(
        (r) => r.path.endsWith(`/issues/${pr}/comments`) && /(^|&)page=2/.test(r.query),
      ),
    ).toBe(true);
  });

  it('removes duplicates left behind earlier, keeping the oldest', async () => {
    const pr = newPullRequest();
    const oldest = await comment(pr, `${MARKER}\none`);
    await comment(pr, `${MARKER}\ntwo`);
    await comment(pr, `${MARKER}\nthree`);
    expect(await upsert(pr, `${MARKER}\nfour`)).toEqual({ id: oldest, action: 'updated' });
    expect(commentsOf(pr)).toEqual([{ id: oldest, body: `${MARKER}\nfour` }]);
  });

  it('cuts a body longer than GitHub allows and keeps the marker', async () => {
    const pr = newPullRequest();
    await upsert(pr, `${MARKER}\n${'x'.repeat(GITHUB_TEXT_LIMIT + 10)}`);
    const [only] = commentsOf(pr);
    expect(only?.body.length).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
    expect(only?.body.startsWith(MARKER)).toBe(true);
    expect(only?.body).toMatch(/truncated/);
  });

  it('never edits or deletes a stranger’s comment that carries the marker, and posts its own', async () => {
    const pr = newPullRequest();
    const planted = await comment(pr, `${MARKER}\n# All gates passed, ship it`, stranger);
    const result = await upsert(pr, `${MARKER}\nthe real report`);
    expect(result.action).toBe('created');
    expect(result.id).not.toBe(planted);
    expect(commentsOf(pr)).toEqual([
      { id: planted, body: `${MARKER}\n# All gates passed, ship it` },
      { id: result.id, body: `${MARKER}\nthe real report` },
    ]);
    // A second report updates the bot's comment, still leaving the stranger's alone.
    expect(await upsert(pr, `${MARKER}\nsecond`)).toEqual({ id: result.id, action: 'updated' });
    expect(commentsOf(pr).map((c) => c.id)).toEqual([planted, result.id]);
  });

  it('is refused by the emulator, as by GitHub, when editing another account’s comment', async () => {
    const pr = newPullRequest();
    const planted = await comment(pr, 'hello', stranger);
    await expect(
      client.rest.issues.updateComment({
        owner: OWNER,
        repo: REPO,
        comment_id: planted,
        body: 'x',
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      client.rest.issues.deleteComment({ owner: OWNER, repo: REPO, comment_id: planted }),
    ).rejects.toMatchObject({ status: 403 });
    expect(commentsOf(pr)).toEqual([{ id: planted, body: 'hello' }]);
  });

  it('refuses an empty marker', async () => {
    const pr = newPullRequest();
    await expect(upsert(pr, 'body', '  ')).rejects.toBeInstanceOf(InvalidStickyMarkerError);
    expect(commentsOf(pr)).toEqual([]);
  });
});
