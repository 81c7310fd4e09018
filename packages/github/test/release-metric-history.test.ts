import type { Emulator } from '@repo/github-emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GitHubReleasesRegistry, releaseMetricHistory } from '../src/index';
import { OWNER, publishInput, REPO, startWithRepo, tempFiles, testClient } from './harness';

let gh: Emulator;
let work: Awaited<ReturnType<typeof tempFiles>>;
let registry: GitHubReleasesRegistry;

beforeAll(async () => {
  gh = await startWithRepo();
  work = await tempFiles({ 'model.json': '{"w":1}' });
  registry = new GitHubReleasesRegistry(testClient(gh), { owner: OWNER, repo: REPO });
  // published out of semver order on purpose
  const published: [string, Record<string, number>][] = [
    ['1.10.0', { rmse: 0.2, r2: 0.9 }],
    ['1.2.0', { rmse: 0.3 }],
    ['1.9.0', { rmse: 0.25, r2: 0.85 }],
  ];
  for (const [version, metrics] of published) {
    await registry.publish(publishInput('house-prices', version, work.paths, { metrics }));
  }
  await registry.publish(publishInput('churn', '5.0.0', work.paths, { metrics: { rmse: 9 } }));
});
afterAll(async () => {
  await work.remove();
  await gh.close();
});
afterEach(() => {
  expect(gh.state.unknownRoutes).toEqual([]);
  expect(gh.state.unimplementedRoutes).toEqual([]);
});

describe('releaseMetricHistory', () => {
  it('lists the metric of every published version, oldest semver first', async () => {
    const history = await releaseMetricHistory(registry, 'house-prices', 'rmse');
    expect(history.map((p) => p.version)).toEqual(['1.2.0', '1.9.0', '1.10.0']);
    const values = history.map((p) => p.value);
    expect(values[0]).toBeCloseTo(0.3, 12);
    expect(values[1]).toBeCloseTo(0.25, 12);
    expect(values[2]).toBeCloseTo(0.2, 12);
  });

  it('keeps only the newest versions up to the limit', async () => {
    const history = await releaseMetricHistory(registry, 'house-prices', 'rmse', 2);
    expect(history.map((p) => p.version)).toEqual(['1.9.0', '1.10.0']);
  });

  it('skips versions that do not record the metric', async () => {
    const history = await releaseMetricHistory(registry, 'house-prices', 'r2');
    expect(history.map((p) => p.version)).toEqual(['1.9.0', '1.10.0']);
  });

  it('is empty for a model without releases', async () => {
    expect(await releaseMetricHistory(registry, 'unknown-model', 'rmse')).toEqual([]);
  });

  it('rejects a negative limit', async () => {
    await expect(releaseMetricHistory(registry, 'house-prices', 'rmse', -1)).rejects.toBeInstanceOf(
      RangeError,
    );
  });
});
