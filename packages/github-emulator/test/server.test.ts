import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, SECONDARY_RATE_LIMIT_MESSAGE, startEmulator } from '../src/index';
import { clientFor } from './client';

let emulator: Emulator;

beforeEach(async () => {
  emulator = await startEmulator({
    tokens: { 'test-token': { login: 'ci-bot', id: 7, type: 'Bot' } },
  });
  emulator.state.addRepo('acme/models', { defaultBranch: 'trunk' });
});
afterEach(() => emulator.close());

describe('the emulator server', () => {
  it('serves GET /repos/{owner}/{repo} with the seeded default branch', async () => {
    const { data, headers } = await clientFor(emulator).rest.repos.get({
      owner: 'acme',
      repo: 'models',
    });
    expect(data).toMatchObject({
      full_name: 'acme/models',
      default_branch: 'trunk',
      private: false,
      owner: { login: 'acme' },
    });
    expect(headers['x-ratelimit-limit']).toBe('5000');
    expect(headers['x-ratelimit-remaining']).toBe('4999');
  });

  it('answers 404 for a route GitHub does not have and records it in unknownRoutes', async () => {
    const octokit = clientFor(emulator);
    const error = await octokit
      .request('GET /repos/{owner}/{repo}/model-registry', { owner: 'acme', repo: 'models' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, response: { data: { message: 'Not Found' } } });
    expect(emulator.state.unknownRoutes).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/repos/acme/models/model-registry',
        status: 404,
      }),
    ]);
  });

  it('answers 400 at once for a GitHub route the emulator does not implement and records it separately', async () => {
    const error = await clientFor(emulator)
      .rest.repos.listBranches({ owner: 'acme', repo: 'models' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 400,
      message: expect.stringContaining('does not implement GET /repos/{owner}/{repo}/branches'),
    });
    expect(emulator.state.unknownRoutes).toEqual([]);
    expect(emulator.state.unimplementedRoutes.map((r) => r.route)).toEqual([
      'GET /repos/{owner}/{repo}/branches',
    ]);
  });

  it('requires an Authorization header and rejects unknown tokens', async () => {
    const url = `${emulator.apiUrl}/repos/acme/models`;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ message: 'Requires authentication' });
    const wrong = await fetch(url, { headers: { authorization: 'token nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ message: 'Bad credentials' });
    const bearer = await fetch(url, { headers: { authorization: 'Bearer test-token' } });
    expect(bearer.status).toBe(200);
  });

  it('acts as the account the token maps to', async () => {
    const octokit = clientFor(emulator);
    const release = await octokit.rest.repos.createRelease({
      owner: 'acme',
      repo: 'models',
      tag_name: 'v1',
    });
    expect(release.data.author.login).toBe('ci-bot');
  });

  it('records method, path and status of every request', async () => {
    await clientFor(emulator).rest.rateLimit.get();
    expect(emulator.state.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/rate_limit',
        status: 200,
        route: 'GET /rate_limit',
        host: 'api',
      }),
    ]);
  });

  it('recovers from an injected 502 through the retry plugin', async () => {
    emulator.faults.inject({
      method: 'GET',
      path: /^\/repos\/acme\/models$/,
      status: 502,
      times: 1,
    });
    const { status } = await clientFor(emulator).rest.repos.get({ owner: 'acme', repo: 'models' });
    expect(status).toBe(200);
    expect(emulator.state.requests.map((r) => r.status)).toEqual([502, 200]);
  });

  it('fails after the retry plugin’s retries are exhausted', async () => {
    emulator.faults.inject({ path: '/repos/acme/models', status: 503, times: 10 });
    const error = await clientFor(emulator)
      .rest.repos.get({ owner: 'acme', repo: 'models' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503 });
    expect(emulator.state.requests).toHaveLength(4);
  });

  it('lets the throttling plugin wait out a secondary rate limit and retry', async () => {
    emulator.faults.secondaryRateLimit({ path: '/repos/acme/models', retryAfter: 1 });
    const waits: number[] = [];
    const octokit = clientFor(emulator, {
      throttle: true,
      onSecondaryRateLimit: (s) => waits.push(s),
    });
    const started = performance.now();
    const { status } = await octokit.rest.repos.get({ owner: 'acme', repo: 'models' });
    expect(status).toBe(200);
    expect(waits).toEqual([1]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(40);
    expect(emulator.state.requests.map((r) => r.status)).toEqual([403, 200]);
  });

  it('sends the secondary rate limit body GitHub sends', async () => {
    emulator.faults.secondaryRateLimit();
    const response = await fetch(`${emulator.apiUrl}/rate_limit`, {
      headers: { authorization: 'token test-token' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toMatchObject({ message: SECONDARY_RATE_LIMIT_MESSAGE });
  });

  it('delays a response when asked to', async () => {
    emulator.faults.delay({ path: '/rate_limit', ms: 60 });
    const started = performance.now();
    await clientFor(emulator).rest.rateLimit.get();
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('reports the primary rate limit at GET /rate_limit', async () => {
    const octokit = clientFor(emulator);
    await octokit.rest.repos.get({ owner: 'acme', repo: 'models' });
    const { data } = await octokit.rest.rateLimit.get();
    expect(data.resources.core).toMatchObject({ limit: 5000, used: 1, remaining: 4999 });
  });
});
