import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { add } from '../src/add';
import { objectKey, objectPath } from '../src/cache-layout';
import { DvcObjectCorruptError, DvcObjectMissingError } from '../src/errors';
import type { TransferProgress } from '../src/progress';
import { pull } from '../src/pull';
import { push } from '../src/push';
import { FIXTURES, makeRepo, readGolden, removeAll, scratch, snapshot } from './helpers';

async function pushedRepo(): Promise<string> {
  const root = await makeRepo();
  await add({ root, target: 'data' });
  await push({ root });
  return root;
}

describe('pull', () => {
  it('restores identical bytes after the workspace and cache are deleted, from any cwd', async () => {
    const root = await pushedRepo();
    await removeAll(join(root, 'data'), join(root, '.dvc', 'cache'));
    const before = process.cwd();
    const events: TransferProgress[] = [];
    try {
      process.chdir(await scratch('dvc-cwd-'));
      const result = await pull({ root, pointer: 'data.dvc', onProgress: (p) => events.push(p) });
      expect(result.checkedOut).toBe(6);
      expect(result.downloaded).toBe(7);
    } finally {
      process.chdir(before);
    }
    expect(await snapshot(join(root, 'data'))).toEqual(await snapshot(join(FIXTURES, 'dataset')));
    const downloads = events.filter((e) => e.phase === 'download');
    expect(downloads.at(-1)).toMatchObject({ done: 6, total: 6 });
    expect(downloads.at(-1)?.bytes).toBeGreaterThan(800);
    expect(events.some((e) => e.phase === 'checkout' && e.done === 6)).toBe(true);
  });

  it('leaves files that already have the right md5 alone and restores only the others', async () => {
    const root = await pushedRepo();
    const keptPath = join(root, 'data', 'a.csv');
    const keptInode = (await stat(keptPath)).ino;
    await rm(join(root, 'data', 'nested'), { recursive: true });
    await writeFile(join(root, 'data', 'crlf.txt'), 'changed\n');
    const result = await pull({ root, force: true });
    expect(result).toMatchObject({ checkedOut: 3, unchanged: 3, downloaded: 0 });
    expect(result.overwritten).toEqual(['data/crlf.txt']);
    expect((await stat(keptPath)).ino).toBe(keptInode);
    expect(await snapshot(join(root, 'data'))).toEqual(await snapshot(join(FIXTURES, 'dataset')));
  });

  it('throws naming a corrupt remote object and writes nothing to the workspace or cache', async () => {
    const golden = await readGolden();
    const root = await pushedRepo();
    const victim = golden.directory.entries.find((e) => e.relpath === 'nested/deep/b.bin');
    if (!victim) throw new Error('fixture has nested/deep/b.bin');
    await writeFile(join(root, '.dvc', 'remote', ...objectKey(victim.md5).split('/')), 'tampered');
    const cache = join(root, '.dvc', 'cache');
    await removeAll(cache, join(root, 'data', 'a.csv'), join(root, 'data', 'nested'));
    const workspaceBefore = await snapshot(join(root, 'data'));

    const error = await pull({ root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DvcObjectCorruptError);
    expect((error as DvcObjectCorruptError).md5).toBe(victim.md5);
    expect((error as DvcObjectCorruptError).relpath).toBe('data/nested/deep/b.bin');
    expect((error as Error).message).toContain('data/nested/deep/b.bin');
    expect(await snapshot(join(root, 'data'))).toEqual(workspaceBefore);
    await expect(stat(objectPath(cache, victim.md5))).rejects.toThrow(/ENOENT/);
    expect(await readdir(join(cache, 'tmp'))).toEqual([]);
  });

  it('re-downloads a cached object whose bytes were corrupted', async () => {
    const golden = await readGolden();
    const root = await pushedRepo();
    const entry = golden.directory.entries[0];
    if (!entry) throw new Error('fixture has entries');
    const cached = objectPath(join(root, '.dvc', 'cache'), entry.md5);
    await rm(cached);
    await writeFile(cached, 'bit rot');
    await removeAll(join(root, 'data'));
    const result = await pull({ root });
    expect(result.downloaded).toBe(1);
    expect(await snapshot(join(root, 'data'))).toEqual(await snapshot(join(FIXTURES, 'dataset')));
  });

  it('names an object that is missing from both cache and remote', async () => {
    const golden = await readGolden();
    const root = await pushedRepo();
    const entry = golden.directory.entries[2];
    if (!entry) throw new Error('fixture has entries');
    await rm(join(root, '.dvc', 'remote', ...objectKey(entry.md5).split('/')));
    await removeAll(join(root, '.dvc', 'cache'), join(root, 'data'));
    const error = await pull({ root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DvcObjectMissingError);
    expect((error as Error).message).toContain(entry.md5);
    expect((error as Error).message).toContain(`data/${entry.relpath}`);
    await expect(stat(join(root, 'data'))).rejects.toThrow(/ENOENT/);
  });

  it('pulls a legacy DVC 2 file output from the DVC 2 remote layout, verified with dos2unix hashing', async () => {
    const golden = await readGolden();
    const root = await makeRepo();
    const bytes = (await snapshot(join(FIXTURES, 'dataset'))).get('crlf.txt');
    if (!bytes) throw new Error('fixture has crlf.txt');
    const key = objectKey(golden.crlf.md5Dos2unix, 'md5-dos2unix');
    await mkdir(join(root, '.dvc', 'remote', key.slice(0, 2)), { recursive: true });
    await writeFile(join(root, '.dvc', 'remote', ...key.split('/')), bytes);
    await writeFile(
      join(root, 'old.txt.dvc'),
      `outs:\n- md5: ${golden.crlf.md5Dos2unix}\n  size: ${bytes.length}\n  path: old.txt\n`,
    );
    await pull({ root, pointer: 'old.txt.dvc' });
    expect((await snapshot(root)).get('old.txt')).toEqual(bytes);
  });
});
