import { type Emulator, fakeSha } from '@repo/github-emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type GitHubClient, modelCheckName, setModelCheck } from '../src/index';
import { OWNER, REPO, startWithRepo, testClient } from './harness';

let gh: Emulator;
let client: GitHubClient;

beforeAll(async () => {
  gh = await startWithRepo();
  client = testClient(gh);
});
afterAll(async () => {
  await gh.close();
});
afterEach(() => {
  expect(gh.state.unknownRoutes).toEqual([]);
  expect(gh.state.unimplementedRoutes).toEqual([]);
});

/** Every check run on `sha` (all runs of every name), as listed by the API. */
async function runsOn(sha: string) {
  const { data } = await client.rest.checks.listForRef({
    owner: OWNER,
    repo: REPO,
    ref: sha,
    filter: 'all',
  });
  return data.check_runs;
}

function check(
  sha: string,
  fields: { model?: string; passed: boolean; title?: string; text?: string },
) {
  return setModelCheck(client, {
    owner: OWNER,
    repo: REPO,
    sha,
    model: fields.model ?? 'house-prices',
    passed: fields.passed,
    title: fields.title ?? 'RMSE 0.21 (−0.03 vs production)',
    summary: '| metric | candidate |\n|---|---|\n| rmse | 0.21 |',
    ...(fields.text === undefined ? {} : { text: fields.text }),
    detailsUrl: 'https://example.test/runs/7',
  });
}

describe('setModelCheck', () => {
  it('creates a completed check run named model/<model> with conclusion success', async () => {
    const sha = fakeSha('pass');
    const { id } = await check(sha, { passed: true, text: 'learning curve' });
    const [run, ...rest] = await runsOn(sha);
    expect(rest).toEqual([]);
    expect(run).toMatchObject({
      id,
      name: 'model/house-prices',
      head_sha: sha,
      status: 'completed',
      conclusion: 'success',
      details_url: 'https://example.test/runs/7',
      output: {
        title: 'RMSE 0.21 (−0.03 vs production)',
        summary: '| metric | candidate |\n|---|---|\n| rmse | 0.21 |',
        text: 'learning curve',
      },
    });
  });

  it('sets conclusion failure when the gates did not pass', async () => {
    const sha = fakeSha('fail');
    await check(sha, { passed: false, title: 'RMSE gate failed' });
    const [run] = await runsOn(sha);
    expect(run).toMatchObject({
      conclusion: 'failure',
      status: 'completed',
      output: { title: 'RMSE gate failed', text: null },
    });
  });

  it('updates the check run of the same model on a re-run instead of adding one', async () => {
    const sha = fakeSha('rerun');
    const first = await check(sha, { passed: false, title: 'first' });
    const second = await check(sha, { passed: true, title: 'second' });
    expect(second.id).toBe(first.id);
    const runs = await runsOn(sha);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ conclusion: 'success', output: { title: 'second' } });
  });

  it('keeps one check run per model on the same sha', async () => {
    const sha = fakeSha('two models');
    await check(sha, { model: 'house-prices', passed: true });
    await check(sha, { model: 'churn', passed: false });
    await check(sha, { model: 'churn', passed: true });
    const runs = await runsOn(sha);
    expect(runs.map((r) => [r.name, r.conclusion]).sort()).toEqual([
      [modelCheckName('churn'), 'success'],
      [modelCheckName('house-prices'), 'success'],
    ]);
  });

  it('adds a new check run for a new sha of the same model', async () => {
    const before = fakeSha('commit 1');
    const after = fakeSha('commit 2');
    const a = await check(before, { passed: true });
    const b = await check(after, { passed: false });
    expect(b.id).not.toBe(a.id);
    expect((await runsOn(before))[0]?.conclusion).toBe('success');
    expect((await runsOn(after))[0]?.conclusion).toBe('failure');
  });
});
