import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { add } from '../src/add';
import { objectPath } from '../src/cache-layout';
import { ObjectCache } from '../src/object-cache';
import { pull } from '../src/pull';
import { push } from '../src/push';
import { FIXTURES, makeRepo, readGolden, removeAll, snapshot } from './helpers';

/** A repository pushed, then pulled into an empty cache and workspace (objects verified once). */
async function pulledRepo(): Promise<string> {
  const root = await makeRepo();
  await add({ root, target: 'data' });
  await push({ root });
  await removeAll(join(root, 'data'), join(root, '.dvc', 'cache'));
  await pull({ root });
  return root;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('cached objects verified by an earlier pull', () => {
  it('are copied to the workspace without being read and hashed again, and need no remote', async () => {
    const root = await pulledRepo();
    await removeAll(join(root, 'data'));
    await writeFile(join(root, '.dvc', 'config'), '[core]\n');
    const hashed = vi.spyOn(ObjectCache.prototype, 'actualMd5');
    const result = await pull({ root });
    expect(result).toMatchObject({ downloaded: 0, checkedOut: 6 });
    expect(hashed).not.toHaveBeenCalled();
    expect(await snapshot(join(root, 'data'))).toEqual(await snapshot(join(FIXTURES, 'dataset')));
  });

  it('are hashed again once rewritten in place, and a corrupted one is downloaded anew', async () => {
    const golden = await readGolden();
    const root = await pulledRepo();
    const entry = golden.directory.entries.find((e) => e.relpath === 'a.csv');
    if (!entry) throw new Error('fixture has a.csv');
    const cached = objectPath(join(root, '.dvc', 'cache'), entry.md5);
    const size = (await readFile(cached)).length;
    await chmod(cached, 0o644);
    await writeFile(cached, 'x'.repeat(size));
    await removeAll(join(root, 'data'));
    const hashed = vi.spyOn(ObjectCache.prototype, 'actualMd5');
    const result = await pull({ root });
    expect(hashed.mock.calls.map(([ref]) => ref.relpath)).toEqual(['data/a.csv']);
    expect(result).toMatchObject({ downloaded: 1, checkedOut: 6 });
    expect(await snapshot(join(root, 'data'))).toEqual(await snapshot(join(FIXTURES, 'dataset')));
    // The new download is trusted in turn: the next pull reads nothing.
    await rm(join(root, 'data', 'a.csv'));
    hashed.mockClear();
    await pull({ root });
    expect(hashed).not.toHaveBeenCalled();
  });
});
