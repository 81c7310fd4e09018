import { join } from 'node:path';
import { removeStaleTempFiles } from './atomic-write';
import type { HashAlgorithm } from './hash-file';

/** 32 lowercase hex digits, with `.dir` for directory listings. */
export const OBJECT_ID_PATTERN = /^[0-9a-f]{32}(\.dir)?$/;

/** Does this object id name a directory listing (`.dir` object)? */
export function isDirObjectId(md5: string): boolean {
  return md5.endsWith('.dir');
}

/**
 * `/`-separated location of an object inside a cache or remote.
 * DVC 3 (`md5`): `files/md5/<first 2 hex>/<remaining 30 hex>[.dir]`.
 * DVC 2 (`md5-dos2unix`, legacy pointers): `<first 2 hex>/<remaining 30 hex>[.dir]` at the root.
 */
export function objectKey(md5: string, algorithm: HashAlgorithm = 'md5'): string {
  if (!OBJECT_ID_PATTERN.test(md5)) throw new TypeError(`not a DVC object id: '${md5}'`);
  const shard = `${md5.slice(0, 2)}/${md5.slice(2)}`;
  return algorithm === 'md5' ? `files/md5/${shard}` : shard;
}

/** Filesystem path of an object inside a local cache or local remote rooted at `root`. */
export function objectPath(root: string, md5: string, algorithm: HashAlgorithm = 'md5'): string {
  return join(root, ...objectKey(md5, algorithm).split('/'));
}

/** Folder for temporary files of a cache (same filesystem, so finished files are renamed in). */
export function cacheTempDir(cacheDir: string): string {
  return join(cacheDir, 'tmp');
}

/**
 * Folder for temporary copies of workspace files (`<root>/.dvc/tmp/checkout`): inside the
 * repository, so on the workspace's filesystem and renamed into place atomically, but never
 * inside a tracked folder where `status` or `add` would see them.
 */
export function workspaceTempDir(dvcDir: string): string {
  return join(dvcDir, 'tmp', 'checkout');
}

/** Remove what interrupted runs left in the temp folders of the cache and the workspace. */
export async function removeInterruptedTempFiles(config: {
  readonly cacheDir: string;
  readonly dvcDir: string;
}): Promise<string[]> {
  return [
    ...(await removeStaleTempFiles(cacheTempDir(config.cacheDir))),
    ...(await removeStaleTempFiles(workspaceTempDir(config.dvcDir))),
  ];
}
