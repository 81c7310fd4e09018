import { Octokit } from 'octokit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, fakeSha, startEmulator } from '../src/index';

const where = { owner: 'acme', repo: 'models' };
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
  gh.state.addRepo('acme/models');
  gh.state.addIssue('acme/models', { number: 1 });
});
afterEach(async () => {
  expect(gh.state.unknownRoutes).toEqual([]);
  expect(gh.state.unimplementedRoutes).toEqual([]);
  await gh.close();
});

describe('pull request writes and workflow dispatches', () => {
  it('opens a pull request from a pushed branch (looked up through the branch resolver), lists it by head and edits its body', async () => {
    const sha = fakeSha('pushed');
    gh.state.branchResolver = (repo, branch) =>
      repo === 'acme/models' && branch === 'mlops/retrain/m' ? sha : undefined;
    const bot = client('bot');
    await expect(
      bot.rest.pulls.create({ ...where, title: 't', head: 'nope', base: 'main' }),
    ).rejects.toMatchObject({ status: 422 });
    const { status, data } = await bot.rest.pulls.create({
      ...where,
      title: 'Retrain m',
      head: 'mlops/retrain/m',
      base: 'main',
      body: 'report',
    });
    expect(status).toBe(201);
    expect(data).toMatchObject({
      number: 2,
      state: 'open',
      body: 'report',
      head: { ref: 'mlops/retrain/m', sha },
      base: { ref: 'main' },
      user: { login: 'github-actions[bot]' },
    });
    await expect(
      bot.rest.pulls.create({ ...where, title: 'again', head: 'mlops/retrain/m', base: 'main' }),
    ).rejects.toMatchObject({ status: 422 });
    const listed = await bot.rest.pulls.list({ ...where, head: 'acme:mlops/retrain/m' });
    expect(listed.data.map((p) => p.number)).toEqual([2]);
    expect((await bot.rest.pulls.list({ ...where, head: 'acme:other' })).data).toEqual([]);
    const updated = await bot.rest.pulls.update({ ...where, pull_number: 2, body: 'new' });
    expect(updated.data.body).toBe('new');
    await expect(
      client('mallory').rest.pulls.update({ ...where, pull_number: 2, body: 'x' }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('records a workflow dispatch (204), needs actions: write and an existing ref', async () => {
    const writer = gh.state.issueToken({ actions: 'write' });
    const { status } = await client(writer).rest.actions.createWorkflowDispatch({
      ...where,
      workflow_id: 'model-pr.yml',
      ref: 'main',
      inputs: { 'pull-request': '7' },
    });
    expect(status).toBe(204);
    expect(gh.state.dispatches).toEqual([
      {
        repo: 'acme/models',
        workflow: 'model-pr.yml',
        ref: 'main',
        inputs: { 'pull-request': '7' },
        actor: 'github-actions[bot]',
      },
    ]);
    await expect(
      client(writer).rest.actions.createWorkflowDispatch({
        ...where,
        workflow_id: 'x.yml',
        ref: 'gone',
      }),
    ).rejects.toMatchObject({ status: 422 });
    const reader = gh.state.issueToken({ actions: 'read' });
    await expect(
      client(reader).rest.actions.createWorkflowDispatch({
        ...where,
        workflow_id: 'x.yml',
        ref: 'main',
      }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
