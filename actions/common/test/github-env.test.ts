import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunnerEnvironmentError } from '../src/errors';
import { readEventPayload, readGitHubEnv } from '../src/github-env';

describe('readGitHubEnv', () => {
  it('reads the repository, API root, run link and sha the runner sets', () => {
    const env = readGitHubEnv({
      GITHUB_REPOSITORY: 'octo/demo',
      GITHUB_API_URL: 'http://127.0.0.1:9/api/v3',
      GITHUB_SERVER_URL: 'https://github.com/',
      GITHUB_RUN_ID: '42',
      GITHUB_SHA: 'abc',
      GITHUB_WORKSPACE: '/work',
    });
    expect(env).toMatchObject({
      owner: 'octo',
      repo: 'demo',
      apiUrl: 'http://127.0.0.1:9/api/v3',
      runUrl: 'https://github.com/octo/demo/actions/runs/42',
      sha: 'abc',
      workspace: '/work',
    });
  });

  it('defaults the API root to api.github.com and leaves the run link out without a run id', () => {
    const env = readGitHubEnv({ GITHUB_REPOSITORY: 'octo/demo' });
    expect(env.apiUrl).toBe('https://api.github.com');
    expect(env.runUrl).toBeUndefined();
  });

  it('refuses a missing or malformed GITHUB_REPOSITORY', () => {
    expect(() => readGitHubEnv({})).toThrow(RunnerEnvironmentError);
    expect(() => readGitHubEnv({ GITHUB_REPOSITORY: 'demo' })).toThrow(
      /GITHUB_REPOSITORY is "demo"/,
    );
  });
});

describe('readEventPayload', () => {
  it('parses the webhook payload and is empty without GITHUB_EVENT_PATH', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'event-'));
    try {
      await writeFile(join(dir, 'event.json'), '{"pull_request":{"number":3}}');
      expect(await readEventPayload({ GITHUB_EVENT_PATH: join(dir, 'event.json') })).toEqual({
        pull_request: { number: 3 },
      });
      expect(await readEventPayload({})).toEqual({});
      await writeFile(join(dir, 'bad.json'), '{');
      await expect(readEventPayload({ GITHUB_EVENT_PATH: join(dir, 'bad.json') })).rejects.toThrow(
        /is not JSON/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
