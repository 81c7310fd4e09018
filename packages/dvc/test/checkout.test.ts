import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { objectPath } from '../src/cache-layout';
import { dirObjectId, serializeDirEntries } from '../src/directory-object';
import { hashBytes } from '../src/hash-file';
import { ObjectCache } from '../src/object-cache';
import { writePointer } from '../src/pointer-file';
import { pull } from '../src/pull';
import { makeRepo, removeAll } from './helpers';

const FILES = 2000;

/**
 * A remote holding `FILES` small objects (each its own bytes) and their `.dir` listing, as a
 * push of `data/` with 20 folders would leave it, and `data.dvc` pointing at it.
 */
async function remoteWithManyFiles(root: string): Promise<Map<string, Buffer>> {
  const remote = join(root, '.dvc', 'remote');
  const files = new Map<string, Buffer>();
  for (let i = 0; i < FILES; i += 1) {
    files.set(`d${i % 20}/f${i}.txt`, Buffer.from(`row ${i}\n`.repeat(1 + (i % 7))));
  }
  const entries = [...files].map(([relpath, bytes]) => ({ relpath, md5: hashBytes(bytes) }));
  const listing = serializeDirEntries(entries);
  const objects: [string, Buffer][] = [
    ...entries.map((e): [string, Buffer] => [e.md5, files.get(e.relpath) as Buffer]),
    [dirObjectId(listing), listing],
  ];
  for (const [md5, bytes] of objects) {
    const path = objectPath(remote, md5);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }
  let size = 0;
  for (const bytes of files.values()) size += bytes.length;
  await writePointer(join(root, 'data.dvc'), [
    { md5: dirObjectId(listing), size, nfiles: FILES, path: 'data' },
  ]);
  return files;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pull of a directory of 2,000 files', () => {
  it('checks out every file with its bytes and md5, as writable copies, hashing each object once', async () => {
    const root = await makeRepo();
    await removeAll(join(root, 'data'));
    const written = await remoteWithManyFiles(root);

    const hashedAgain = vi.spyOn(ObjectCache.prototype, 'actualMd5');
    const result = await pull({ root });
    expect(result).toMatchObject({ downloaded: FILES + 1, checkedOut: FILES, unchanged: 0 });
    // Verified while downloaded, never read back from the cache to be verified again.
    expect(hashedAgain).not.toHaveBeenCalled();

    const cache = join(root, '.dvc', 'cache');
    for (const [relpath, bytes] of written) {
      const path = join(root, 'data', ...relpath.split('/'));
      const actual = await readFile(path);
      expect(hashBytes(actual), relpath).toBe(hashBytes(bytes));
      const [file, object] = await Promise.all([
        stat(path),
        stat(objectPath(cache, hashBytes(bytes))),
      ]);
      expect(file.ino, `${relpath} is a copy, not a link`).not.toBe(object.ino);
      expect(file.nlink).toBe(1);
      expect(file.mode & 0o200, `${relpath} is writable`).toBe(0o200);
      expect(object.mode & 0o777).toBe(0o444);
    }
    expect(await readdir(join(root, '.dvc', 'tmp', 'checkout'))).toEqual([]);
    expect(await readdir(join(cache, 'tmp'))).toEqual([]);
  });
});
