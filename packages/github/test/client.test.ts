import type { Emulator } from '@repo/github-emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GitHubReleasesRegistry } from '../src/index';
import {
  OWNER,
  publishInput,
  REPO,
  recordingLog,
  startWithRepo,
  tempFiles,
  testClient,
} from './harness';

let gh: Emulator;

beforeAll(async () => {
  gh = await startWithRepo();
});
afterAll(async () => {
  await gh.close();
});
afterEach(() => {
  expect(gh.state.unknownRoutes).toEqual([]);
  expect(gh.state.unimplementedRoutes).toEqual([]);
  gh.faults.clear();
});

const releasesPath = `/repos/${OWNER}/${REPO}/releases`;

function attempts(method: string, path: string, since: number) {
  return gh.state.requests.slice(since).filter((r) => r.method === method && r.path === path);
}

describe('createGitHubClient', () => {
  it('retries a request that answered 502 once and returns the second answer', async () => {
    const client = testClient(gh);
    gh.faults.inject({ method: 'GET', path: releasesPath, status: 502 });
    const since = gh.state.requests.length;
    const response = await client.rest.repos.listReleases({ owner: OWNER, repo: REPO });
    expect(response.status).toBe(200);
    expect(attempts('GET', releasesPath, since).map((r) => r.status)).toEqual([502, 200]);
  });

  it('gives up after the configured number of retries on repeated 5xx', async () => {
    const client = testClient(gh, { retries: 2 });
    gh.faults.inject({ method: 'GET', path: releasesPath, status: 503, times: 5 });
    const since = gh.state.requests.length;
    await expect(
      client.rest.repos.listReleases({ owner: OWNER, repo: REPO }),
    ).rejects.toMatchObject({
      status: 503,
    });
    expect(attempts('GET', releasesPath, since)).toHaveLength(3);
  });

  it('waits out a secondary rate limit, logs a warning and succeeds', async () => {
    const log = recordingLog();
    const client = testClient(gh, { log });
    gh.faults.secondaryRateLimit({ method: 'GET', path: releasesPath, retryAfter: 3 });
    const since = gh.state.requests.length;
    const response = await client.rest.repos.listReleases({ owner: OWNER, repo: REPO });
    expect(response.status).toBe(200);
    expect(attempts('GET', releasesPath, since).map((r) => r.status)).toEqual([403, 200]);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toMatch(/secondary rate limit on GET .*releases: retrying in 3 s/);
  });

  it('stops retrying a secondary rate limit after the configured retries', async () => {
    const log = recordingLog();
    const client = testClient(gh, { log, retries: 1 });
    gh.faults.secondaryRateLimit({ method: 'GET', path: releasesPath, times: 3 });
    await expect(
      client.rest.repos.listReleases({ owner: OWNER, repo: REPO }),
    ).rejects.toMatchObject({
      status: 403,
    });
    expect(log.warnings.at(-1)).toMatch(/giving up/);
  });

  it('lets a publish survive a 502 and a secondary rate limit on its uploads', async () => {
    const work = await tempFiles({ 'model.json': '{}' });
    try {
      const registry = new GitHubReleasesRegistry(testClient(gh), { owner: OWNER, repo: REPO });
      gh.faults.inject({ method: 'POST', path: /\/assets$/, status: 502 });
      gh.faults.secondaryRateLimit({ method: 'POST', path: /\/assets$/ });
      const published = await registry.publish(publishInput('flaky', '1.0.0', work.paths));
      expect(await registry.get('flaky', '1.0.0')).toEqual(published);
      expect(gh.faults.pending).toBe(0);
    } finally {
      await work.remove();
    }
  });
});
