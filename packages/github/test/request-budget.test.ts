import type { Emulator } from '@repo/github-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubReleasesRegistry, readPromotionHistory } from '../src/index';
import { OWNER, publishInput, REPO, startWithRepo, tempFiles, testClient } from './harness';

const where = { owner: OWNER, repo: REPO };
/** Promotions and rollbacks recorded before the measurement: a long-lived model's history. */
const DEPLOYMENTS = 150;

let gh: Emulator;
let registry: GitHubReleasesRegistry;

beforeAll(async () => {
  gh = await startWithRepo();
  const work = await tempFiles({ 'model.json': '{"w":1}' });
  registry = new GitHubReleasesRegistry(testClient(gh), where);
  for (const version of ['1.0.0', '1.1.0']) {
    await registry.publish(publishInput('churn', version, work.paths));
  }
  await work.remove();
  const client = testClient(gh, { throttle: false });
  for (let i = 0; i < DEPLOYMENTS; i += 1) {
    const version = i % 2 === 0 ? '1.0.0' : '1.1.0';
    const { data } = await client.rest.repos.createDeployment({
      ...where,
      ref: `churn@v${version}`,
      environment: 'production',
      auto_merge: false,
      required_contexts: [],
      payload: { model: 'churn', version, action: i % 4 === 3 ? 'rollback' : 'promote' },
    });
    if (!('id' in data)) throw new Error('no deployment');
    await client.rest.repos.createDeploymentStatus({
      ...where,
      deployment_id: data.id,
      state: 'success',
    });
  }
});
afterAll(async () => {
  await gh.close();
});

const requestsDuring = async (work: () => Promise<unknown>) => {
  const before = gh.state.requests.length;
  await work();
  return gh.state.requests.slice(before).filter((r) => r.host === 'api').length;
};

describe('the requests a run spends on production', () => {
  it('resolves production in a handful of requests however long the deployment history', async () => {
    let version: string | undefined;
    const spent = await requestsDuring(async () => {
      version = (await registry.resolve('churn', 'production'))?.version;
    });
    // The newest deployment (index DEPLOYMENTS - 1, odd) named 1.1.0.
    expect(version).toBe('1.1.0');
    expect(spent).toBeLessThanOrEqual(6);
    // What reading the whole log costs: one request per deployment, and more.
    const full = await requestsDuring(() => readPromotionHistory(testClient(gh), where, 'churn'));
    expect(full).toBeGreaterThan(DEPLOYMENTS);
  });

  it('agrees with the whole log on what production is', async () => {
    const log = await readPromotionHistory(testClient(gh), where, 'churn');
    expect((await registry.resolve('churn', 'production'))?.version).toBe(log.at(-1)?.version);
  });
});
