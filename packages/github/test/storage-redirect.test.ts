import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '@repo/github-emulator';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadArtifact, GitHubReleasesRegistry } from '../src/index';
import { OWNER, publishInput, REPO, startWithRepo, tempFiles, testClient } from './harness';

const where = { owner: OWNER, repo: REPO };
let gh: Emulator;

beforeAll(async () => {
  gh = await startWithRepo();
});
afterAll(async () => {
  await gh.close();
});

describe('downloads that redirect to signed storage on another host', () => {
  it('never send the GitHub token to the storage host, for release assets and artifacts', async () => {
    const work = await tempFiles({ 'model.json': '{"w":1}' });
    const registry = new GitHubReleasesRegistry(testClient(gh), where);
    await registry.publish(publishInput('churn', '1.0.0', work.paths));
    await registry.download('churn', '1.0.0', mkdtempSync(join(tmpdir(), 'storage-')));
    const artifact = gh.state.addArtifact(`${OWNER}/${REPO}`, {
      name: 'a',
      runId: 1,
      zip: Buffer.from(zipSync({ 'x.txt': Buffer.from('x') })),
    });
    await downloadArtifact(
      testClient(gh),
      where,
      artifact.id,
      join(mkdtempSync(join(tmpdir(), 'a-')), 'a'),
    );
    await work.remove();
    const storage = gh.state.requests.filter((r) => r.host === 'storage');
    expect(storage.length).toBeGreaterThanOrEqual(2);
    expect(storage.every((r) => r.status === 200)).toBe(true);
    expect(gh.state.tokenSentToStorage).toEqual([]);
  });

  it('is refused by the storage host when a client forwards its token there', async () => {
    const { headers } = await fetch(
      `${gh.apiUrl}/repos/${OWNER}/${REPO}/actions/artifacts/${
        gh.state.addArtifact(`${OWNER}/${REPO}`, {
          name: 'b',
          runId: 2,
          zip: Buffer.from(zipSync({})),
        }).id
      }/zip`,
      { headers: { authorization: 'token t' }, redirect: 'manual' },
    );
    const location = String(headers.get('location'));
    expect(new URL(location).origin).not.toBe(new URL(gh.apiUrl).origin);
    const forwarded = await fetch(location, { headers: { authorization: 'token t' } });
    expect(forwarded.status).toBe(400);
    expect(gh.state.tokenSentToStorage).toHaveLength(1);
  });
});
