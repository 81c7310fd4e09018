import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '@repo/github-emulator';
import {
  formatSha256Sums,
  formatVersionManifest,
  parseVersionManifest,
  RegistryCorruptError,
} from '@repo/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  downloadReleaseAsset,
  GitHubReleasesRegistry,
  readSumsRecord,
  sumsDigest,
  uploadReleaseAsset,
} from '../src/index';
import { OWNER, publishInput, REPO, startWithRepo, tempFiles, testClient } from './harness';

const where = { owner: OWNER, repo: REPO };
let gh: Emulator;
let registry: GitHubReleasesRegistry;

beforeAll(async () => {
  gh = await startWithRepo();
  registry = new GitHubReleasesRegistry(testClient(gh), where);
  const work = await tempFiles({ 'model.json': '{"w":1}', 'weights.bin': Buffer.from([1, 2, 3]) });
  await registry.publish(publishInput('churn', '1.0.0', work.paths));
  await registry.publish(publishInput('churn', '1.1.0', work.paths));
  await work.remove();
});
afterAll(async () => {
  await gh.close();
});

/** Replaces a release's weights and rewrites SHA256SUMS and version.json to match them. */
async function rewriteConsistently(tag: string): Promise<void> {
  const client = testClient(gh);
  const { data: release } = await client.rest.repos.getReleaseByTag({ ...where, tag });
  const asset = (name: string) => release.assets.find((a) => a.name === name);
  const manifest = parseVersionManifest(
    (await downloadReleaseAsset(client, where, asset('version.json') as never)).toString('utf8'),
    'version.json',
  );
  const forged = Buffer.from([6, 6, 6, 6]);
  const assets = manifest.assets.map((a) =>
    a.name === 'weights.bin'
      ? { ...a, size: forged.length, sha256: createHash('sha256').update(forged).digest('hex') }
      : a,
  );
  const files: [string, Buffer][] = [
    ['weights.bin', forged],
    ['SHA256SUMS', Buffer.from(formatSha256Sums(assets))],
    ['version.json', Buffer.from(formatVersionManifest({ ...manifest, assets }))],
  ];
  for (const [name, bytes] of files) {
    await client.rest.repos.deleteReleaseAsset({ ...where, asset_id: Number(asset(name)?.id) });
    await uploadReleaseAsset(client, where, release as never, name, bytes);
  }
}

describe('the SHA256SUMS digest recorded in the release tag', () => {
  it('is an annotated tag carrying the digest of the published SHA256SUMS', async () => {
    const client = testClient(gh);
    const { data: release } = await client.rest.repos.getReleaseByTag({
      ...where,
      tag: 'churn@v1.0.0',
    });
    const sums = await downloadReleaseAsset(
      client,
      where,
      release.assets.find((a) => a.name === 'SHA256SUMS') as never,
    );
    expect(await readSumsRecord(client, where, 'churn@v1.0.0')).toBe(sumsDigest(sums));
  });

  it('is recorded in the payload of the deployment that makes the version production', async () => {
    await registry.promote('churn', '1.0.0');
    const { data } = await testClient(gh).rest.repos.listDeployments({
      ...where,
      environment: 'production',
    });
    const recorded = await readSumsRecord(testClient(gh), where, 'churn@v1.0.0');
    expect(data[0]?.payload).toMatchObject({
      model: 'churn',
      version: '1.0.0',
      sha256sums: recorded,
    });
  });

  it('refuses a release whose assets and SHA256SUMS were rewritten together', async () => {
    await rewriteConsistently('churn@v1.1.0');
    const dir = mkdtempSync(join(tmpdir(), 'rewritten-'));
    await expect(registry.download('churn', '1.1.0', dir)).rejects.toThrow(RegistryCorruptError);
    await expect(registry.download('churn', '1.1.0', dir)).rejects.toThrow(
      /the tag churn@v1\.1\.0 recorded .* when it was published/,
    );
    // Promoting it verifies it first, so production never moves to it.
    await expect(registry.promote('churn', '1.1.0')).rejects.toBeInstanceOf(RegistryCorruptError);
    expect((await registry.resolve('churn', 'production'))?.version).toBe('1.0.0');
    // The untouched version still downloads.
    await registry.download('churn', '1.0.0', mkdtempSync(join(tmpdir(), 'intact-')));
  });
});
