import { lstat, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { add } from '../src/add';
import { objectPath } from '../src/cache-layout';
import { DvcConfigError } from '../src/errors';
import { reflinkWorks } from '../src/link-types';
import { pull } from '../src/pull';
import { push } from '../src/push';
import { FIXTURES, makeRepo, readGolden, removeAll, scratch, snapshot } from './helpers';

const CONFIG = '[core]\n    remote = local\n[\'remote "local"\']\n    url = remote\n';

/** A pushed repository whose `cache.type` is `type`, with the workspace and cache emptied. */
async function repoWithCacheType(type: string): Promise<string> {
  const root = await makeRepo(`${CONFIG}[cache]\n    type = ${type}\n`);
  await add({ root, target: 'data' });
  await push({ root });
  await removeAll(join(root, 'data'), join(root, '.dvc', 'cache'));
  return root;
}

async function aCsv(root: string) {
  const golden = await readGolden();
  const entry = golden.directory.entries.find((e) => e.relpath === 'a.csv');
  if (!entry) throw new Error('fixture has a.csv');
  return {
    file: join(root, 'data', 'a.csv'),
    object: objectPath(join(root, '.dvc', 'cache'), entry.md5),
  };
}

describe('pull with cache.type', () => {
  it('links workspace files to the read-only cache objects with hardlink, as configured', async () => {
    const root = await repoWithCacheType('hardlink');
    await pull({ root });
    const { file, object } = await aCsv(root);
    const [linked, cached] = await Promise.all([stat(file), stat(object)]);
    expect(linked.ino).toBe(cached.ino);
    expect(linked.mode & 0o777).toBe(0o444);
    expect(await snapshot(join(root, 'data'))).toEqual(await snapshot(join(FIXTURES, 'dataset')));
  });

  it('makes workspace files symlinks to the cache objects with symlink, and a second pull leaves them alone', async () => {
    const root = await repoWithCacheType('symlink');
    await pull({ root });
    const { file, object } = await aCsv(root);
    expect((await lstat(file)).isSymbolicLink()).toBe(true);
    expect(await readlink(file)).toBe(object);
    expect(await pull({ root })).toMatchObject({ checkedOut: 0, unchanged: 6 });
    expect(await snapshot(join(root, 'data'))).toEqual(await snapshot(join(FIXTURES, 'dataset')));
  });

  it('refuses reflink alone where the filesystem has no reflinks, naming the config, and writes nothing', async () => {
    const root = await repoWithCacheType('reflink');
    const dir = await scratch();
    if (await reflinkWorks(dir, dir)) {
      await pull({ root });
      expect(await snapshot(join(root, 'data'))).toEqual(await snapshot(join(FIXTURES, 'dataset')));
      return;
    }
    const error = await pull({ root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DvcConfigError);
    expect((error as DvcConfigError).file).toBe(join(root, '.dvc', 'config'));
    expect((error as Error).message).toContain('cache.type: none of reflink works');
    await expect(stat(join(root, 'data'))).rejects.toThrow(/ENOENT/);
  });
});
