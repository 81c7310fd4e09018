import type { Emulator } from '@repo/github-emulator';
import { NoProductionError, UnknownVersionError } from '@repo/registry';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GitHubReleasesRegistry } from '../src/index';
import { OWNER, publishInput, REPO, startWithRepo, tempFiles, testClient } from './harness';

let gh: Emulator;
let work: Awaited<ReturnType<typeof tempFiles>>;
let registry: GitHubReleasesRegistry;

beforeAll(async () => {
  gh = await startWithRepo();
  work = await tempFiles({ 'model.json': '{"w":1}' });
  registry = new GitHubReleasesRegistry(testClient(gh), { owner: OWNER, repo: REPO });
  for (const version of ['1.0.0', '1.1.0', '2.0.0']) {
    await registry.publish(publishInput('churn', version, work.paths));
  }
  await registry.publish(publishInput('other', '3.0.0', work.paths));
});
afterAll(async () => {
  await work.remove();
  await gh.close();
});
afterEach(() => {
  expect(gh.state.unknownRoutes).toEqual([]);
  expect(gh.state.unimplementedRoutes).toEqual([]);
});

describe('promotion through GitHub deployments', () => {
  it('has no production before anything is promoted, however many releases there are', async () => {
    expect(await registry.history('churn')).toEqual([]);
    expect(await registry.resolve('churn', 'production')).toBeUndefined();
    await expect(registry.rollback('churn')).rejects.toBeInstanceOf(NoProductionError);
  });

  it('promotes by creating a successful production deployment of the tag', async () => {
    await registry.promote('churn', '1.0.0', 'first model');
    const [deployment] = [...gh.state.repo(`${OWNER}/${REPO}`).deployments.values()];
    expect(deployment).toMatchObject({
      ref: 'churn@v1.0.0',
      environment: 'production',
      payload: { model: 'churn', version: '1.0.0', action: 'promote', reason: 'first model' },
    });
    const statuses = gh.state
      .repo(`${OWNER}/${REPO}`)
      .deploymentStatuses.get(Number(deployment?.id));
    expect(statuses?.map((s) => s.state)).toEqual(['success']);
    expect((await registry.resolve('churn', 'production'))?.version).toBe('1.0.0');
  });

  it('does not count a deployment without a success status', async () => {
    const client = testClient(gh);
    await client.rest.repos.createDeployment({
      owner: OWNER,
      repo: REPO,
      ref: 'churn@v2.0.0',
      environment: 'production',
      auto_merge: false,
      required_contexts: [],
      payload: { model: 'churn', version: '2.0.0', action: 'promote' },
    });
    expect((await registry.resolve('churn', 'production'))?.version).toBe('1.0.0');
  });

  it('keeps other models out of the production of this one', async () => {
    await registry.promote('other', '3.0.0');
    expect((await registry.resolve('churn', 'production'))?.version).toBe('1.0.0');
    expect((await registry.resolve('other', 'production'))?.version).toBe('3.0.0');
  });

  it('rolls back to the production before the current one and logs it', async () => {
    await registry.promote('churn', '1.1.0');
    await registry.promote('churn', '1.1.0');
    expect((await registry.resolve('churn', 'production'))?.version).toBe('1.1.0');
    const back = await registry.rollback('churn', 'bad metrics');
    expect(back.version).toBe('1.0.0');
    expect((await registry.resolve('churn', 'production'))?.version).toBe('1.0.0');
    const history = await registry.history('churn');
    expect(
      history.map(({ action, version, previousVersion }) => ({ action, version, previousVersion })),
    ).toEqual([
      { action: 'promote', version: '1.0.0', previousVersion: null },
      { action: 'promote', version: '1.1.0', previousVersion: '1.0.0' },
      { action: 'rollback', version: '1.0.0', previousVersion: '1.1.0' },
    ]);
    expect(history[2]?.reason).toBe('bad metrics');
    await expect(registry.rollback('churn')).rejects.toBeInstanceOf(NoProductionError);
  });

  it('refuses to promote a version that was never published', async () => {
    await expect(registry.promote('churn', '9.0.0')).rejects.toBeInstanceOf(UnknownVersionError);
  });
});
