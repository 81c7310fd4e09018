import { Octokit } from 'octokit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index';

const owner = 'acme';
const repo = 'models';
const where = { owner, repo };
const MALLORY = { login: 'mallory', id: 666, type: 'User' } as const;
const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' } as const;

let gh: Emulator;
const client = (token: string) =>
  new Octokit({
    auth: token,
    baseUrl: gh.apiUrl,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    retry: { enabled: false },
    throttle: { enabled: false, onRateLimit: () => false, onSecondaryRateLimit: () => false },
  });

beforeEach(async () => {
  gh = await startEmulator({ tokens: { bot: BOT, mallory: MALLORY } });
  gh.state.addRepo(`${owner}/${repo}`);
  gh.state.addPullRequest(`${owner}/${repo}`, { number: 1 });
});
afterEach(async () => {
  expect(gh.state.unknownRoutes).toEqual([]);
  expect(gh.state.unimplementedRoutes).toEqual([]);
  await gh.close();
});

describe('issues', () => {
  it('creates an issue with its author, labels (created when missing) and the next free number', async () => {
    const { status, data } = await client('bot').rest.issues.create({
      ...where,
      title: 'Drift: house-prices',
      body: '<!-- m -->\nreport',
      labels: ['mlops-drift'],
    });
    expect(status).toBe(201);
    expect(data).toMatchObject({
      number: 2,
      state: 'open',
      state_reason: null,
      title: 'Drift: house-prices',
      body: '<!-- m -->\nreport',
      user: { login: 'github-actions[bot]', type: 'Bot' },
      labels: [{ name: 'mlops-drift' }],
      html_url: `${gh.webUrl}/acme/models/issues/2`,
      comments: 0,
    });
    expect(data.pull_request).toBeUndefined();
    const fetched = await client('bot').rest.issues.get({ ...where, issue_number: 2 });
    expect(fetched.data.body).toBe('<!-- m -->\nreport');
  });

  it('lists by state, labels and creator, newest first, across pages', async () => {
    for (let i = 0; i < 4; i++) {
      await client(i % 2 === 0 ? 'bot' : 'mallory').rest.issues.create({
        ...where,
        title: `issue ${i}`,
        labels: i === 3 ? ['other'] : ['mlops-drift'],
      });
    }
    const bot = client('bot');
    const drift = await bot.paginate(bot.rest.issues.listForRepo, {
      ...where,
      labels: 'mlops-drift',
      per_page: 1,
    });
    expect(drift.map((i) => i.title)).toEqual(['issue 2', 'issue 1', 'issue 0']);
    const mine = await bot.rest.issues.listForRepo({
      ...where,
      creator: 'github-actions[bot]',
      direction: 'asc',
    });
    expect(mine.data.map((i) => i.title)).toEqual(['issue 0', 'issue 2']);
    // The pull request is an issue too, with `pull_request`.
    const all = await bot.rest.issues.listForRepo({ ...where, state: 'all', per_page: 100 });
    expect(all.data.find((i) => i.number === 1)?.pull_request).toBeDefined();
    await bot.rest.issues.update({ ...where, issue_number: 2, state: 'closed' });
    const open = await bot.rest.issues.listForRepo({ ...where, labels: 'mlops-drift' });
    expect(open.data.map((i) => i.number)).toEqual([4, 3]);
    const closed = await bot.rest.issues.listForRepo({ ...where, state: 'closed' });
    expect(closed.data.map((i) => i.number)).toEqual([2]);
  });

  it('closes with a state reason (default completed), reopens, and edits body, title and labels', async () => {
    const bot = client('bot');
    const { data } = await bot.rest.issues.create({ ...where, title: 't', body: 'a' });
    const closed = await bot.rest.issues.update({
      ...where,
      issue_number: data.number,
      state: 'closed',
      state_reason: 'completed',
    });
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(closed.data.closed_at).not.toBeNull();
    expect(closed.data.closed_by?.login).toBe('github-actions[bot]');
    const reopened = await bot.rest.issues.update({
      ...where,
      issue_number: data.number,
      state: 'open',
      body: 'b',
      title: 'u',
      labels: ['x'],
    });
    expect(reopened.data).toMatchObject({
      state: 'open',
      state_reason: 'reopened',
      closed_at: null,
      body: 'b',
      title: 'u',
      labels: [{ name: 'x' }],
    });
  });

  it('lets only the author edit an issue, refuses a body over 65,536 characters and an unknown state', async () => {
    const { data } = await client('mallory').rest.issues.create({ ...where, title: 'mine' });
    await expect(
      client('bot').rest.issues.update({ ...where, issue_number: data.number, body: 'x' }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      client('mallory').rest.issues.update({
        ...where,
        issue_number: data.number,
        body: 'x'.repeat(65_537),
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      client('mallory').rest.issues.update({
        ...where,
        issue_number: data.number,
        state: 'gone' as 'open',
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      client('bot').rest.issues.get({ ...where, issue_number: 99 }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('needs issues (not pull-requests) on a job token: read to list, write to open or edit', async () => {
    const prOnly = gh.state.issueToken({ 'pull-requests': 'write' });
    await expect(client(prOnly).rest.issues.create({ ...where, title: 't' })).rejects.toMatchObject(
      { status: 403 },
    );
    await expect(client(prOnly).rest.issues.listForRepo(where)).rejects.toMatchObject({
      status: 403,
    });
    const reader = gh.state.issueToken({ issues: 'read' });
    expect((await client(reader).rest.issues.listForRepo(where)).status).toBe(200);
    await expect(client(reader).rest.issues.create({ ...where, title: 't' })).rejects.toMatchObject(
      { status: 403 },
    );
    const writer = gh.state.issueToken({ issues: 'write' });
    const { data } = await client(writer).rest.issues.create({ ...where, title: 't' });
    expect(
      (await client(writer).rest.issues.update({ ...where, issue_number: data.number, body: 'b' }))
        .status,
    ).toBe(200);
  });
});
