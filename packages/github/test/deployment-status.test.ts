import type { Emulator } from '@repo/github-emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DeploymentFailedError,
  finishDeployment,
  type GitHubClient,
  GitHubReleasesRegistry,
  startDeployment,
} from '../src/index';
import { OWNER, publishInput, REPO, startWithRepo, tempFiles, testClient } from './harness';

let gh: Emulator;
let client: GitHubClient;
let work: Awaited<ReturnType<typeof tempFiles>>;
let registry: GitHubReleasesRegistry;
const where = { owner: OWNER, repo: REPO };

beforeAll(async () => {
  gh = await startWithRepo();
  client = testClient(gh);
  work = await tempFiles({ 'model.json': '{"w":1}' });
  registry = new GitHubReleasesRegistry(client, where);
  for (const version of ['1.0.0', '1.1.0', '1.2.0']) {
    await registry.publish(publishInput('house-prices', version, work.paths));
  }
});
afterAll(async () => {
  await work.remove();
  await gh.close();
});
afterEach(() => {
  expect(gh.state.unknownRoutes).toEqual([]);
  expect(gh.state.unimplementedRoutes).toEqual([]);
});

function statesOf(id: number): string[] {
  return (gh.state.repo(`${OWNER}/${REPO}`).deploymentStatuses.get(id) ?? []).map((s) => s.state);
}

async function deploy(version: string, state: 'success' | 'failure') {
  const { id } = await startDeployment(client, {
    ...where,
    model: 'house-prices',
    version,
    logUrl: 'https://example.test/runs/9',
  });
  expect(statesOf(id)).toEqual(['in_progress']);
  await finishDeployment(client, { ...where, id, state, description: `smoke test ${state}` });
  return id;
}

describe('startDeployment and finishDeployment', () => {
  it('create a production deployment of the tag with the promotion payload and an in_progress status', async () => {
    const { id } = await startDeployment(client, {
      ...where,
      model: 'house-prices',
      version: '1.0.0',
      logUrl: 'https://example.test/runs/8',
    });
    const deployment = gh.state.repo(`${OWNER}/${REPO}`).deployments.get(id);
    expect(deployment).toMatchObject({
      ref: 'house-prices@v1.0.0',
      environment: 'production',
      payload: { model: 'house-prices', version: '1.0.0', action: 'promote' },
    });
    const [status] = gh.state.repo(`${OWNER}/${REPO}`).deploymentStatuses.get(id) ?? [];
    expect(status).toMatchObject({ state: 'in_progress', log_url: 'https://example.test/runs/8' });
    // in progress is not production yet
    expect(await registry.resolve('house-prices', 'production')).toBeUndefined();
    await finishDeployment(client, { ...where, id, state: 'failure' });
  });

  it('make a version production once the deployment succeeds', async () => {
    const id = await deploy('1.1.0', 'success');
    expect(statesOf(id)).toEqual(['in_progress', 'success']);
    expect((await registry.resolve('house-prices', 'production'))?.version).toBe('1.1.0');
    expect((await registry.history('house-prices')).map((e) => e.version)).toEqual(['1.1.0']);
  });

  it('leave production unchanged when the deployment fails', async () => {
    const id = await deploy('1.2.0', 'failure');
    expect(statesOf(id)).toEqual(['in_progress', 'failure']);
    const [status] = (gh.state.repo(`${OWNER}/${REPO}`).deploymentStatuses.get(id) ?? []).slice(-1);
    expect(status?.description).toBe('smoke test failure');
    expect((await registry.resolve('house-prices', 'production'))?.version).toBe('1.1.0');
  });

  it('redeploy an older version (rollback by dispatch) so production resolves to it', async () => {
    await deploy('1.2.0', 'success');
    expect((await registry.resolve('house-prices', 'production'))?.version).toBe('1.2.0');
    await deploy('1.0.0', 'success');
    expect((await registry.resolve('house-prices', 'production'))?.version).toBe('1.0.0');
  });

  it('fail with DeploymentFailedError when the tag does not exist', async () => {
    await expect(
      startDeployment(client, { ...where, model: 'house-prices', version: '9.9.9' }),
    ).rejects.toBeInstanceOf(DeploymentFailedError);
  });

  it('fail with DeploymentFailedError when the deployment does not exist', async () => {
    await expect(
      finishDeployment(client, { ...where, id: 987_654, state: 'success' }),
    ).rejects.toBeInstanceOf(DeploymentFailedError);
  });
});
