import { stat } from 'node:fs/promises';
import {
  type AssetInfo,
  AssetReadError,
  InvalidAssetNameError,
  type PublishFile,
  SHA256SUMS_FILE,
  type Sha256Entry,
  sha256File,
  VERSION_MANIFEST_FILE,
} from '@repo/registry';

export { formatVersionManifest, parseVersionManifest, VERSION_MANIFEST_FILE } from '@repo/registry';

const ASSET_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

/** Same rule as `FileRegistry`: at least one file, plain unique names, not a reserved name. */
export function assertAssetNames(files: readonly PublishFile[], tag: string): void {
  if (files.length === 0) throw new InvalidAssetNameError(`cannot publish ${tag}: no files given`);
  const seen = new Set<string>();
  for (const file of files) {
    if (
      !ASSET_NAME_PATTERN.test(file.name) ||
      file.name === SHA256SUMS_FILE ||
      file.name === VERSION_MANIFEST_FILE
    ) {
      throw new InvalidAssetNameError(
        `cannot publish ${tag}: asset name "${file.name}" must be a plain file name (letters, digits, ".", "_", "+", "-") other than ${SHA256SUMS_FILE} and ${VERSION_MANIFEST_FILE}`,
      );
    }
    if (seen.has(file.name)) {
      throw new InvalidAssetNameError(
        `cannot publish ${tag}: asset name "${file.name}" is used twice`,
      );
    }
    seen.add(file.name);
  }
}

/** Name, size and sha256 of each file, sorted by name; `AssetReadError` when one is unreadable. */
export async function describeFiles(
  files: readonly PublishFile[],
  tag: string,
): Promise<AssetInfo[]> {
  const assets: AssetInfo[] = [];
  for (const file of files) {
    try {
      const [sha256, info] = await Promise.all([sha256File(file.path), stat(file.path)]);
      assets.push({ name: file.name, size: info.size, sha256 });
    } catch (cause) {
      throw new AssetReadError(
        `cannot publish ${tag}: asset "${file.name}" cannot be read from ${file.path}`,
        { cause },
      );
    }
  }
  return assets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Whether two checksum lists name the same files with the same sha256. */
export function sameChecksums(a: readonly Sha256Entry[], b: readonly Sha256Entry[]): boolean {
  if (a.length !== b.length) return false;
  const byName = new Map(a.map((entry) => [entry.name, entry.sha256]));
  return b.every((entry) => byName.get(entry.name) === entry.sha256);
}
