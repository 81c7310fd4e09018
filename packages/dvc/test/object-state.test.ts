import { mkdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrustedObjects } from '../src/object-state';
import { scratch } from './helpers';

async function objectIn(dir: string): Promise<string> {
  const path = join(dir, 'object');
  await writeFile(path, 'verified bytes');
  return path;
}

describe('TrustedObjects', () => {
  it('trusts an object only while its inode, size, mtime and ctime are the ones it was verified with', async () => {
    const dir = await scratch();
    const path = await objectIn(dir);
    const state = await TrustedObjects.load(join(dir, '.dvc'), join(dir, 'cache'));
    state.trust('files/md5/ab/cd', await stat(path, { bigint: true }));
    expect(state.isTrusted('files/md5/ab/cd', await stat(path, { bigint: true }))).toBe(true);
    expect(state.isTrusted('files/md5/ef/01', await stat(path, { bigint: true }))).toBe(false);

    const before = await stat(path);
    await writeFile(path, 'rotten bytes!!');
    // Same size, mtime put back as it was: the ctime still tells the bytes were written.
    await utimes(path, before.atime, before.mtime);
    expect(state.isTrusted('files/md5/ab/cd', await stat(path, { bigint: true }))).toBe(false);
  });

  it('is kept across runs, written atomically into .dvc/tmp, and forgotten for another cache folder', async () => {
    const dir = await scratch();
    const path = await objectIn(dir);
    const dvcDir = join(dir, '.dvc');
    const state = await TrustedObjects.load(dvcDir, join(dir, 'cache'));
    state.trust('files/md5/ab/cd', await stat(path, { bigint: true }));
    await state.save();
    const stats = await stat(path, { bigint: true });
    const again = await TrustedObjects.load(dvcDir, join(dir, 'cache'));
    expect(again.isTrusted('files/md5/ab/cd', stats)).toBe(true);
    const elsewhere = await TrustedObjects.load(dvcDir, join(dir, 'other-cache'));
    expect(elsewhere.isTrusted('files/md5/ab/cd', stats)).toBe(false);
    again.distrust('files/md5/ab/cd');
    await again.save();
    const forgotten = await TrustedObjects.load(dvcDir, join(dir, 'cache'));
    expect(forgotten.isTrusted('files/md5/ab/cd', stats)).toBe(false);
  });

  it('trusts nothing when its file is damaged', async () => {
    const dir = await scratch();
    const path = await objectIn(dir);
    const dvcDir = join(dir, '.dvc');
    await mkdir(join(dvcDir, 'tmp'), { recursive: true });
    const file = join(dvcDir, 'tmp', 'object-state.json');
    await writeFile(file, '{"version": 1, "cacheDir": "');
    const stats = await stat(path, { bigint: true });
    expect((await TrustedObjects.load(dvcDir, dir)).isTrusted('k', stats)).toBe(false);
    await writeFile(file, JSON.stringify({ version: 1, cacheDir: dir, objects: { k: 42 } }));
    expect((await TrustedObjects.load(dvcDir, dir)).isTrusted('k', stats)).toBe(false);
  });
});
