import { type Emulator, GITHUB_ACTIONS_BOT, startEmulator } from '@repo/github-emulator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createGitHubClient,
  DRIFT_ISSUE_LABEL,
  type DriftIssueVerdict,
  driftIssueMarker,
  GITHUB_TEXT_LIMIT,
  type GitHubClient,
  syncDriftIssue,
} from '../src/index';
import { OWNER, REPO, testClient } from './harness';

const BOT = GITHUB_ACTIONS_BOT.login;
const MALLORY = { login: 'mallory', id: 666, type: 'User' } as const;
const where = { owner: OWNER, repo: REPO };

let gh: Emulator;
let client: GitHubClient;
let stranger: GitHubClient;
let model: string;
let nextModel = 1;

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
beforeEach(() => {
  model = `model-${nextModel++}`;
});
afterEach(() => {
  expect(gh.state.unknownRoutes).toEqual([]);
  expect(gh.state.unimplementedRoutes).toEqual([]);
});

const RUN = 'https://example.test/run/1';
const FOOTER = `\n\n---\nLast checked by [this drift run](${RUN}).`;
const sync = (verdict: DriftIssueVerdict, report = `# ${verdict}`, by = client) =>
  syncDriftIssue(by, {
    ...where,
    model,
    verdict,
    report,
    headline: `${verdict} headline`,
    author: BOT,
    runUrl: RUN,
  });

/** Every issue with the model's marker, oldest first. */
async function issuesOf(name = model) {
  const all = await client.paginate(client.rest.issues.listForRepo, {
    ...where,
    state: 'all',
    per_page: 100,
  });
  return all
    .filter((i) => i.body?.includes(driftIssueMarker(name)))
    .sort((a, b) => a.number - b.number);
}

const commentsOf = async (number: number) =>
  (await client.rest.issues.listComments({ ...where, issue_number: number })).data.map(
    (c) => c.body ?? '',
  );

describe('syncDriftIssue', () => {
  it('opens one labelled issue with the marker on the first drift and updates it on the next', async () => {
    const first = await sync('drift', '# Drift detected for 7 of 12 columns');
    expect(first.action).toBe('created');
    const [issue, ...others] = await issuesOf();
    expect(others).toEqual([]);
    expect(issue).toMatchObject({
      number: first.number,
      state: 'open',
      user: { login: BOT },
      labels: [{ name: DRIFT_ISSUE_LABEL }],
    });
    expect(issue?.body).toBe(
      `${driftIssueMarker(model)}\n# Drift detected for 7 of 12 columns${FOOTER}`,
    );
    const second = await sync('drift', '# Drift detected for 8 of 12 columns');
    expect(second).toMatchObject({ number: first.number, action: 'updated' });
    expect((await issuesOf()).map((i) => [i.number, i.body])).toEqual([
      [first.number, `${driftIssueMarker(model)}\n# Drift detected for 8 of 12 columns${FOOTER}`],
    ]);
    expect((await sync('drift', '# Drift detected for 8 of 12 columns')).action).toBe('unchanged');
  });

  it('closes the issue (completed, with a comment) when the drift is gone and reopens the same one when it is back', async () => {
    const opened = await sync('drift');
    const closed = await sync('no-drift', '# No drift');
    expect(closed).toMatchObject({ number: opened.number, action: 'closed' });
    const [issue] = await issuesOf();
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(issue?.body).toContain('# No drift');
    expect(await commentsOf(opened.number as number)).toEqual([
      'The drift is gone: no-drift headline ([drift run](https://example.test/run/1)). Closing.',
    ]);
    expect((await sync('no-drift')).action).toBe('none');
    const reopened = await sync('drift', '# Drift again');
    expect(reopened).toMatchObject({ number: opened.number, action: 'reopened' });
    const after = await issuesOf();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ state: 'open', state_reason: 'reopened' });
  });

  it('opens nothing without drift, and leaves the issue alone when the window has too few rows', async () => {
    expect(await sync('no-drift')).toMatchObject({ number: undefined, action: 'none' });
    expect(await sync('too-few-rows')).toMatchObject({ action: 'none' });
    expect(await issuesOf()).toEqual([]);
    const opened = await sync('drift', '# Drift');
    expect(await sync('too-few-rows', '# Too few rows')).toMatchObject({
      number: opened.number,
      action: 'none',
    });
    expect((await issuesOf())[0]).toMatchObject({
      state: 'open',
      body: expect.stringContaining('# Drift'),
    });
  });

  it('never touches a stranger’s issue with the same label and marker', async () => {
    const planted = await stranger.rest.issues.create({
      ...where,
      title: 'Drift',
      body: `${driftIssueMarker(model)}\nplanted`,
      labels: [DRIFT_ISSUE_LABEL],
    });
    const ours = await sync('drift');
    expect(ours.number).not.toBe(planted.data.number);
    await sync('no-drift');
    const theirs = await client.rest.issues.get({ ...where, issue_number: planted.data.number });
    expect(theirs.data).toMatchObject({
      state: 'open',
      body: `${driftIssueMarker(model)}\nplanted`,
    });
    expect(await commentsOf(planted.data.number)).toEqual([]);
  });

  it('keeps the oldest issue when an overlapping run created one at the same time and closes the newer as a duplicate', async () => {
    // Another run opens its issue between this run's list and its create.
    const racing = testClient(gh);
    let raced = false;
    racing.hook.before('request', async (options) => {
      if (!raced && options.method === 'POST' && /\/issues$/.test(String(options.url))) {
        raced = true;
        await sync('drift', '# the other run');
      }
    });
    const result = await sync('drift', '# this run', racing);
    const issues = await issuesOf();
    expect(issues).toHaveLength(2);
    const [kept, duplicate] = issues;
    expect(result).toMatchObject({ number: kept?.number, action: 'updated' });
    expect(result.closedDuplicates).toEqual([duplicate?.number]);
    expect(kept).toMatchObject({
      state: 'open',
      body: `${driftIssueMarker(model)}\n# this run${FOOTER}`,
    });
    expect(duplicate).toMatchObject({ state: 'closed', state_reason: 'duplicate' });
    expect(await commentsOf(duplicate?.number as number)).toEqual([
      `Duplicate of #${kept?.number}: ${model} has one drift issue (two drift runs overlapped).`,
    ]);
    // Two runs at once end with one open issue too.
    model = `model-${nextModel++}`;
    await Promise.all([sync('drift', '# a'), sync('drift', '# b')]);
    expect((await issuesOf()).filter((i) => i.state === 'open')).toHaveLength(1);
    expect((await sync('drift', '# c')).closedDuplicates).toEqual([]);
  });

  it('cuts a long report to GitHub’s limit and retries a 502 and a secondary rate limit on the update', async () => {
    await sync('drift');
    gh.faults.inject({ method: 'PATCH', path: /\/issues\/\d+$/, status: 502, times: 1 });
    gh.faults.secondaryRateLimit({
      method: 'PATCH',
      path: /\/issues\/\d+$/,
      retryAfter: 1,
      times: 1,
    });
    const long = `# Drift\n${'row\n'.repeat(20_000)}`;
    expect((await sync('drift', long)).action).toBe('updated');
    expect(gh.faults.pending).toBe(0);
    const [issue, ...others] = await issuesOf();
    expect(others).toEqual([]);
    expect(issue?.body?.length).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
    expect(issue?.body).toMatch(/truncated: GitHub limits an issue body/);
    expect(issue?.body?.endsWith(FOOTER)).toBe(true);
  });
});
