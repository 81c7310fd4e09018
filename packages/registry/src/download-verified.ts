import { copyFile, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ChecksumMismatchError, RegistryCorruptError } from './errors';
import type { AssetInfo, DownloadedAsset, DownloadedVersion, ModelVersion } from './model-version';
import { removeEmptyDirs } from './remove-empty-dirs';
import { sha256File } from './sha256-file';
import { readSha256Sums, SHA256SUMS_FILE } from './sha256-sums';
import { VERSION_MANIFEST_FILE } from './version-manifest';

/**
 * Copies the assets of `manifest` from `sourceDir` into `destDir`, after checking that
 * `SHA256SUMS` and the manifest agree and by hashing every copy. The copies are staged in a
 * temporary directory inside `destDir` and moved into place only when all are verified; on any
 * failure everything written (and any directory created) is removed.
 */
export async function downloadVerified(
  manifest: ModelVersion,
  sourceDir: string,
  destDir: string,
): Promise<DownloadedVersion> {
  await assertSumsMatchManifest(manifest, sourceDir);

  const dir = resolve(destDir);
  const firstCreated = await mkdir(dir, { recursive: true });
  const staging = await mkdtemp(join(dir, '.download-'));
  const placed: string[] = [];
  try {
    const downloaded: DownloadedAsset[] = [];
    for (const asset of manifest.assets) {
      const copy = join(staging, asset.name);
      await copyStored(manifest, join(sourceDir, asset.name), copy);
      assertAssetHash(manifest, asset, await sha256File(copy), join(sourceDir, asset.name));
      downloaded.push({ ...asset, path: join(dir, asset.name) });
    }
    for (const asset of downloaded) {
      await rename(join(staging, asset.name), asset.path);
      placed.push(asset.path);
    }
    await rm(staging, { recursive: true, force: true });
    return { version: manifest, dir, assets: downloaded };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    await Promise.all(placed.map((path) => rm(path, { force: true })));
    await removeEmptyDirs(dir, firstCreated);
    throw error;
  }
}

/**
 * Checks a stored version in place: `SHA256SUMS` and the manifest agree, and every asset file in
 * `sourceDir` has its recorded sha256. `ChecksumMismatchError` naming the file otherwise;
 * `RegistryCorruptError` when a file is missing.
 */
export async function verifyStoredVersion(
  manifest: ModelVersion,
  sourceDir: string,
): Promise<void> {
  await assertSumsMatchManifest(manifest, sourceDir);
  for (const asset of manifest.assets) {
    const path = join(sourceDir, asset.name);
    let actual: string;
    try {
      actual = await sha256File(path);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
      throw missingAsset(manifest, path, cause);
    }
    assertAssetHash(manifest, asset, actual, path);
  }
}

/** `SHA256SUMS` in `sourceDir` lists exactly the manifest's assets with the same sha256. */
async function assertSumsMatchManifest(manifest: ModelVersion, sourceDir: string): Promise<void> {
  const sumsPath = join(sourceDir, SHA256SUMS_FILE);
  let entries: Awaited<ReturnType<typeof readSha256Sums>>;
  try {
    entries = await readSha256Sums(sumsPath);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
    throw missingAsset(manifest, sumsPath, cause);
  }
  const sums = new Map(entries.map((entry) => [entry.name, entry.sha256]));
  for (const asset of manifest.assets) {
    if (sums.get(asset.name) !== asset.sha256) {
      throw new ChecksumMismatchError(
        `${manifest.tag}: asset "${asset.name}" has sha256 ${asset.sha256} in ${VERSION_MANIFEST_FILE} but ${sums.get(asset.name) ?? 'no entry'} in ${sumsPath}`,
        asset.name,
      );
    }
  }
  if (sums.size !== manifest.assets.length) {
    const extra = [...sums.keys()].find((name) => !manifest.assets.some((a) => a.name === name));
    throw new ChecksumMismatchError(
      `${manifest.tag}: ${sumsPath} lists asset "${extra}" that ${VERSION_MANIFEST_FILE} does not`,
      extra ?? '',
    );
  }
}

function assertAssetHash(
  manifest: ModelVersion,
  asset: AssetInfo,
  actual: string,
  storedPath: string,
): void {
  if (actual === asset.sha256) return;
  throw new ChecksumMismatchError(
    `${manifest.tag}: asset "${asset.name}" has sha256 ${actual} but ${SHA256SUMS_FILE} records ${asset.sha256}; the stored file ${storedPath} is corrupt`,
    asset.name,
  );
}

async function copyStored(manifest: ModelVersion, from: string, to: string): Promise<void> {
  try {
    await copyFile(from, to);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
    throw missingAsset(manifest, from, cause);
  }
}

function missingAsset(manifest: ModelVersion, path: string, cause: unknown): RegistryCorruptError {
  return new RegistryCorruptError(`${manifest.tag}: ${path} is missing`, { cause });
}
