import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  ChecksumMismatchError,
  type DownloadedAsset,
  type DownloadedVersion,
  type ModelVersion,
  SHA256SUMS_FILE,
  type Sha256Entry,
} from '@repo/registry';
import { VERSION_MANIFEST_FILE } from './version-files';

/**
 * Checks that `SHA256SUMS` and the manifest agree, fetches every asset with `fetchBytes` and
 * checks its sha256, and only then writes the files into `destDir` (through a staging directory
 * inside it and a rename). On any failure nothing is left in `destDir`, and a `destDir` this call
 * created is removed.
 */
export async function downloadVerified(
  manifest: ModelVersion,
  sums: readonly Sha256Entry[],
  fetchBytes: (name: string) => Promise<Buffer>,
  destDir: string,
): Promise<DownloadedVersion> {
  const expected = new Map(sums.map((entry) => [entry.name, entry.sha256]));
  for (const asset of manifest.assets) {
    if (expected.get(asset.name) !== asset.sha256) {
      throw new ChecksumMismatchError(
        `${manifest.tag}: asset "${asset.name}" has sha256 ${asset.sha256} in ${VERSION_MANIFEST_FILE} but ${expected.get(asset.name) ?? 'no entry'} in ${SHA256SUMS_FILE}`,
        asset.name,
      );
    }
  }
  if (expected.size !== manifest.assets.length) {
    const extra = [...expected.keys()].find((n) => !manifest.assets.some((a) => a.name === n));
    throw new ChecksumMismatchError(
      `${manifest.tag}: ${SHA256SUMS_FILE} lists asset "${extra}" that ${VERSION_MANIFEST_FILE} does not`,
      extra ?? '',
    );
  }

  const verified: { name: string; bytes: Buffer }[] = [];
  for (const asset of manifest.assets) {
    const bytes = await fetchBytes(asset.name);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== asset.sha256) {
      throw new ChecksumMismatchError(
        `${manifest.tag}: downloaded asset "${asset.name}" has sha256 ${actual} but ${SHA256SUMS_FILE} records ${asset.sha256}; the release asset is corrupt or was replaced`,
        asset.name,
      );
    }
    verified.push({ name: asset.name, bytes });
  }

  const dir = resolve(destDir);
  const firstCreated = await mkdir(dir, { recursive: true });
  const staging = await mkdtemp(join(dir, '.download-'));
  const placed: string[] = [];
  try {
    for (const file of verified) await writeFile(join(staging, file.name), file.bytes);
    const assets: DownloadedAsset[] = manifest.assets.map((a) => ({
      ...a,
      path: join(dir, a.name),
    }));
    for (const asset of assets) {
      await rename(join(staging, asset.name), asset.path);
      placed.push(asset.path);
    }
    await rm(staging, { recursive: true, force: true });
    return { version: manifest, dir, assets };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    await Promise.all(placed.map((path) => rm(path, { force: true })));
    await removeCreatedDirs(dir, firstCreated);
    throw error;
  }
}

/** Removes `dir` and its parents up to `firstCreated` (what `mkdir -p` made) while empty. */
async function removeCreatedDirs(dir: string, firstCreated: string | undefined): Promise<void> {
  if (firstCreated === undefined) return;
  for (let current = dir; current.startsWith(firstCreated); current = dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
    if (current === firstCreated) return;
  }
}
