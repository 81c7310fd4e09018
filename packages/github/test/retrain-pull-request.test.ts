import { type Emulator, fakeSha } from '@repo/github-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dispatchWorkflow,
  type GitHubClient,
  retrainPullRequestMarker,
  upsertRetrainPullRequest,
  WorkflowDispatchError,
} from '../src/index';
import { OWNER, REPO, startWithRepo, testClient } from './harness';

const where = { owner: OWNER, repo: REPO };
let gh: Emulator;
let client: GitHubClient;

beforeAll(async () => {
  gh = await startWithRepo();
  // Branches pushed with git: the emulator looks them up here.
  gh.state.branchResolver = (_repo, branch) =>
    branch.startsWith('mlops/retrain/') ? fakeSha(branch) : undefined;
  client = testClient(gh);
});
afterAll(async () => {
  expect(gh.state.unknownRoutes).toEqual([]);
  expect(gh.state.unimplementedRoutes).toEqual([]);
  await gh.close();
});

const upsert = (model: string, report: string, by = client) =>
  upsertRetrainPullRequest(by, {
    ...where,
    model,
    branch: `mlops/retrain/${model}`,
    base: 'main',
    report,
    driftIssue: 3,
    runUrl: 'https://example.test/run/9',
  });

const openPulls = async (model: string) =>
  (
    await client.rest.pulls.list({
      ...where,
      head: `${OWNER}:mlops/retrain/${model}`,
      state: 'all',
    })
  ).data;

describe('upsertRetrainPullRequest', () => {
  it('opens one pull request per model from its branch, then updates its body or leaves it', async () => {
    const first = await upsert('a', '# Drift detected for 7 of 12 columns');
    expect(first.action).toBe('created');
    const [pull, ...others] = await openPulls('a');
    expect(others).toEqual([]);
    expect(pull).toMatchObject({
      number: first.number,
      head: { ref: 'mlops/retrain/a' },
      base: { ref: 'main' },
    });
    expect(pull?.body?.startsWith(retrainPullRequestMarker('a'))).toBe(true);
    expect(pull?.body).toContain('Drift issue: #3.');
    expect(pull?.body).toContain('# Drift detected for 7 of 12 columns');
    expect(await upsert('a', '# Drift detected for 7 of 12 columns')).toEqual({
      number: first.number,
      action: 'unchanged',
    });
    expect(await upsert('a', '# Drift detected for 8 of 12 columns')).toEqual({
      number: first.number,
      action: 'updated',
    });
    expect(await openPulls('a')).toHaveLength(1);
    expect((await upsert('b', '# b')).number).not.toBe(first.number);
  });

  it('updates the pull request an overlapping run opened first (GitHub refuses a second from one head)', async () => {
    const racing = testClient(gh);
    let raced = false;
    racing.hook.before('request', async (options) => {
      if (!raced && options.method === 'POST' && /\/pulls$/.test(String(options.url))) {
        raced = true;
        await upsert('c', '# the other run');
      }
    });
    const result = await upsert('c', '# this run', racing);
    const [pull, ...others] = await openPulls('c');
    expect(others).toEqual([]);
    expect(result).toEqual({ number: pull?.number, action: 'updated' });
    expect(pull?.body).toContain('# this run');
  });

  it('cuts a long report to GitHub’s limit', async () => {
    await upsert('d', `# Drift\n${'row\n'.repeat(20_000)}`);
    const [pull] = await openPulls('d');
    expect(pull?.body?.length).toBeLessThanOrEqual(65_535);
    expect(pull?.body).toMatch(/truncated: GitHub limits a pull request body/);
  });
});

describe('dispatchWorkflow', () => {
  it('dispatches a workflow on a branch with inputs, and names the workflow when it cannot', async () => {
    await dispatchWorkflow(client, where, {
      workflow: 'model-pr.yml',
      ref: 'mlops/retrain/a',
      inputs: { 'pull-request': '4' },
    });
    expect(gh.state.dispatches.at(-1)).toMatchObject({
      workflow: 'model-pr.yml',
      ref: 'mlops/retrain/a',
      inputs: { 'pull-request': '4' },
    });
    await expect(
      dispatchWorkflow(client, where, { workflow: 'model-pr.yml', ref: 'gone', inputs: {} }),
    ).rejects.toBeInstanceOf(WorkflowDispatchError);
  });
});
