import { stat } from 'node:fs/promises';
import { AssetReadError, VersionExistsError } from './errors';
import type { AssetInfo, ModelVersion, PublishFile } from './model-version';
import { sha256File } from './sha256-file';

/** Names, sizes and sha256 of the files handed to `publish`, as they are at their source. */
export async function hashSources(files: readonly PublishFile[]): Promise<AssetInfo[]> {
  const assets: AssetInfo[] = [];
  for (const file of files) {
    try {
      const [sha256, info] = await Promise.all([sha256File(file.path), stat(file.path)]);
      assets.push({ name: file.name, size: info.size, sha256 });
    } catch (cause) {
      throw new AssetReadError(`asset "${file.name}" cannot be read from ${file.path}`, {
        cause,
      });
    }
  }
  return assets;
}

/** Re-publishing: the stored version when its files are the same, else `VersionExistsError`. */
export function matchExisting(existing: ModelVersion, assets: readonly AssetInfo[]): ModelVersion {
  if (sameAssets(existing.assets, assets)) return existing;
  throw new VersionExistsError(
    `${existing.tag} is already published with different files; publish a new version instead`,
  );
}

function sameAssets(a: readonly AssetInfo[], b: readonly AssetInfo[]): boolean {
  if (a.length !== b.length) return false;
  const byName = new Map(a.map((asset) => [asset.name, asset.sha256]));
  return b.every((asset) => byName.get(asset.name) === asset.sha256);
}

export function sortByName<T extends { readonly name: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
