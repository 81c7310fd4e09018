import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Emulator } from '@repo/github-emulator';
import { ChecksumMismatchError, VersionExistsError } from '@repo/registry';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GitHubReleasesRegistry, PublishAbortedError } from '../src/index';
import { OWNER, publishInput, REPO, startWithRepo, tempFiles, testClient } from './harness';

let gh: Emulator;
let work: Awaited<ReturnType<typeof tempFiles>>;
let registry: GitHubReleasesRegistry;

beforeAll(async () => {
  gh = await startWithRepo();
});
afterAll(async () => {
  await gh.close();
});
beforeEach(async () => {
  gh.state.repo(`${OWNER}/${REPO}`).releases.clear();
  gh.state.repo(`${OWNER}/${REPO}`).assets.clear();
  work = await tempFiles({
    'model.json': '{"layers":[1,2,3]}',
    'weights.bin': Buffer.from([0, 1, 2, 255]),
  });
  registry = new GitHubReleasesRegistry(testClient(gh), {
    owner: OWNER,
    repo: REPO,
    now: () => new Date('2026-01-02T03:04:05.000Z'),
  });
});
afterEach(async () => {
  expect(gh.state.unknownRoutes).toEqual([]);
  expect(gh.state.unimplementedRoutes).toEqual([]);
  expect(gh.faults.pending).toBe(0);
  await work.remove();
});

function releasesOf() {
  return [...gh.state.repo(`${OWNER}/${REPO}`).releases.values()];
}

describe('GitHubReleasesRegistry', () => {
  it('publishes a version as a release and reads it back through list, get, resolve and download', async () => {
    const published = await registry.publish(
      publishInput('churn', '1.2.0', work.paths, { notes: '# churn v1.2.0\nmodel card' }),
    );
    expect(published.tag).toBe('churn@v1.2.0');
    expect(published.assets.map((a) => a.name)).toEqual(['model.json', 'weights.bin']);

    const [release] = releasesOf();
    expect(release).toMatchObject({
      tag_name: 'churn@v1.2.0',
      name: 'churn v1.2.0',
      body: '# churn v1.2.0\nmodel card',
      draft: false,
    });
    const assetNames = [...gh.state.repo(`${OWNER}/${REPO}`).assets.values()].map(
      (a) => a.payload.name,
    );
    expect(assetNames.sort()).toEqual(['SHA256SUMS', 'model.json', 'version.json', 'weights.bin']);

    expect(await registry.list('churn')).toEqual([published]);
    expect(await registry.get('churn', '1.2.0')).toEqual(published);
    expect(await registry.get('churn', '9.9.9')).toBeUndefined();
    expect(await registry.resolve('churn', 'latest')).toEqual(published);
    expect(await registry.resolve('churn', 'v1.2.0')).toEqual(published);
    expect((await registry.get('churn', '1.2.0'))?.lineage).toEqual(published.lineage);

    const dest = join(work.dir, 'out');
    const downloaded = await registry.download('churn', '1.2.0', dest);
    expect(downloaded.assets.map((a) => a.path)).toEqual([
      join(dest, 'model.json'),
      join(dest, 'weights.bin'),
    ]);
    expect(await readFile(join(dest, 'weights.bin'))).toEqual(Buffer.from([0, 1, 2, 255]));
    expect((await readdir(dest)).sort()).toEqual(['model.json', 'weights.bin']);
  });

  it('lists only the model asked for, newest semver first', async () => {
    await registry.publish(publishInput('churn', '1.9.0', work.paths));
    await registry.publish(publishInput('churn', '1.10.0', work.paths));
    await registry.publish(publishInput('other', '5.0.0', work.paths));
    await registry.publish(publishInput('churn', '1.10.0-rc.1', work.paths));
    expect((await registry.list('churn')).map((v) => v.version)).toEqual([
      '1.10.0',
      '1.10.0-rc.1',
      '1.9.0',
    ]);
    expect(await registry.list('unknown')).toEqual([]);
  });

  it('returns the stored version when the same files are published again, creating nothing', async () => {
    const first = await registry.publish(publishInput('churn', '1.0.0', work.paths));
    const creates = () =>
      gh.state.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/releases')).length;
    const before = creates();
    const again = await registry.publish(publishInput('churn', '1.0.0', work.paths));
    expect(again).toEqual(first);
    expect(releasesOf()).toHaveLength(1);
    expect(creates()).toBe(before);
  });

  it('refuses to publish different files under an existing version', async () => {
    await registry.publish(publishInput('churn', '1.0.0', work.paths));
    await writeFile(work.paths['weights.bin'] ?? '', Buffer.from([9, 9, 9]));
    await expect(
      registry.publish(publishInput('churn', '1.0.0', work.paths)),
    ).rejects.toBeInstanceOf(VersionExistsError);
    expect(releasesOf()).toHaveLength(1);
  });

  it('refuses a download whose asset bytes were replaced, writing nothing', async () => {
    await registry.publish(publishInput('churn', '1.0.0', work.paths));
    const assets = gh.state.repo(`${OWNER}/${REPO}`).assets;
    const [id, weights] =
      [...assets.entries()].find(([, a]) => a.payload.name === 'weights.bin') ?? [];
    if (id === undefined || weights === undefined) throw new Error('weights.bin was not uploaded');
    assets.set(id, { ...weights, bytes: Buffer.from([6, 6, 6, 6]) });

    const dest = join(work.dir, 'tampered');
    const error = await registry.download('churn', '1.0.0', dest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecksumMismatchError);
    expect((error as ChecksumMismatchError).asset).toBe('weights.bin');
    await expect(readdir(dest)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('leaves no release behind when an upload keeps failing', async () => {
    gh.faults.inject({ method: 'POST', path: /\/assets$/, status: 502, times: 4 });
    const error = await registry
      .publish(publishInput('churn', '1.0.0', work.paths))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishAbortedError);
    expect((error as PublishAbortedError).draftLeft).toBeUndefined();
    expect(releasesOf()).toEqual([]);
    expect(await registry.list('churn')).toEqual([]);
  });

  it('pages through more releases than fit on one page', async () => {
    const paged = new GitHubReleasesRegistry(testClient(gh, { throttle: false }), {
      owner: OWNER,
      repo: REPO,
      perPage: 10,
    });
    for (let patch = 0; patch < 32; patch++) {
      await paged.publish(
        publishInput('churn', `1.0.${patch}`, { 'model.json': work.paths['model.json'] ?? '' }),
      );
    }
    const before = gh.state.requests.length;
    const versions = await paged.list('churn');
    expect(versions).toHaveLength(32);
    expect(versions[0]?.version).toBe('1.0.31');
    expect(versions.at(-1)?.version).toBe('1.0.0');
    const listPages = gh.state.requests
      .slice(before)
      .filter((r) => r.method === 'GET' && r.path === `/repos/${OWNER}/${REPO}/releases`);
    expect(listPages).toHaveLength(4);
    expect(listPages.every((r) => r.query.includes('per_page=10'))).toBe(true);
  });
});
