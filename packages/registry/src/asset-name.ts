import { InvalidAssetNameError } from './errors';
import type { PublishFile } from './model-version';
import { SHA256SUMS_FILE } from './sha256-sums';
import { VERSION_MANIFEST_FILE } from './version-manifest';

const ASSET_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
const RESERVED_NAMES = new Set([SHA256SUMS_FILE, VERSION_MANIFEST_FILE]);

/**
 * Throws `InvalidAssetNameError` unless there is at least one file and every name is a plain,
 * unique file name (letters, digits, `.`, `_`, `+`, `-`, not starting with a dot) other than the
 * registry's own `SHA256SUMS` and `version.json`.
 */
export function assertAssetNames(files: readonly PublishFile[], tag: string): void {
  if (files.length === 0) {
    throw new InvalidAssetNameError(`cannot publish ${tag}: no files given`);
  }
  const seen = new Set<string>();
  for (const file of files) {
    if (!ASSET_NAME_PATTERN.test(file.name) || RESERVED_NAMES.has(file.name)) {
      throw new InvalidAssetNameError(
        `cannot publish ${tag}: asset name "${file.name}" must be a plain file name (letters, digits, ".", "_", "+", "-") other than ${[...RESERVED_NAMES].join(' and ')}`,
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
