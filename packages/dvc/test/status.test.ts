import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { add } from '../src/add';
import { objectPath } from '../src/cache-layout';
import { push } from '../src/push';
import { status } from '../src/status';
import { makeRepo, readGolden, removeAll } from './helpers';

describe('status', () => {
  it('reports a clean workspace whose objects are cached but not yet on the remote', async () => {
    const golden = await readGolden();
    const root = await makeRepo();
    await add({ root, target: 'data' });
    const report = await status({ root });
    expect(report.workspace).toBe('clean');
    expect(report.changed).toEqual([]);
    expect(report.cache.missing).toEqual([]);
    expect(report.remote?.missing).toHaveLength(golden.directory.nfiles + 1);
    expect(report.remote?.missing).toContainEqual({ md5: golden.directory.md5, relpath: 'data' });
    expect(report.legacy).toEqual([]);

    await push({ root });
    expect((await status({ root })).remote?.missing).toEqual([]);
  });

  it('lists modified, added and deleted files of a directory output', async () => {
    const root = await makeRepo();
    await add({ root, target: 'data' });
    await writeFile(join(root, 'data', 'a.csv'), 'x,y\n9,9\n');
    await writeFile(join(root, 'data', 'nested', 'extra.txt'), 'new\n');
    await rm(join(root, 'data', 'nested', 'deep', 'b.bin'));
    const report = await status({ root, remote: false });
    expect(report.workspace).toBe('modified');
    expect(report.changed).toEqual([
      { relpath: 'data/a.csv', state: 'modified' },
      { relpath: 'data/nested/deep/b.bin', state: 'deleted' },
      { relpath: 'data/nested/extra.txt', state: 'added' },
    ]);
    expect(report.remote).toBeNull();
  });

  it('reports a deleted output as missing, with each of its files deleted', async () => {
    const golden = await readGolden();
    const root = await makeRepo();
    await add({ root, target: 'data' });
    await removeAll(join(root, 'data'));
    const report = await status({ root });
    expect(report.workspace).toBe('missing');
    expect(report.changed.map((c) => c.state)).toEqual(
      Array(golden.directory.nfiles).fill('deleted'),
    );
    expect(report.outputs).toEqual([
      { pointer: 'data.dvc', relpath: 'data', workspace: 'missing', legacy: false },
    ]);
  });

  it('lists objects missing from the cache', async () => {
    const golden = await readGolden();
    const root = await makeRepo();
    await add({ root, target: 'data' });
    const entry = golden.directory.entries[3];
    if (!entry) throw new Error('fixture has entries');
    await rm(objectPath(join(root, '.dvc', 'cache'), entry.md5));
    const report = await status({ root });
    expect(report.cache.missing).toEqual([{ md5: entry.md5, relpath: `data/${entry.relpath}` }]);
    expect(report.workspace).toBe('clean');
  });

  it('flags a legacy DVC 2 pointer and compares it with DVC 2 hashing', async () => {
    const golden = await readGolden();
    const root = await makeRepo();
    await writeFile(
      join(root, 'crlf.dvc'),
      `outs:\n- md5: ${golden.crlf.md5Dos2unix}\n  size: 32\n  path: data/crlf.txt\n`,
    );
    const report = await status({ root, remote: false });
    expect(report.workspace).toBe('clean');
    expect(report.outputs).toEqual([
      { pointer: 'crlf.dvc', relpath: 'data/crlf.txt', workspace: 'clean', legacy: true },
    ]);
    expect(report.legacy).toHaveLength(1);
    expect(report.legacy[0]?.pointer).toBe('crlf.dvc');
    expect(report.legacy[0]?.explanation).toMatch(/dos2unix/);
    expect(report.cache.missing).toEqual([
      { md5: golden.crlf.md5Dos2unix, relpath: 'data/crlf.txt' },
    ]);
  });
});
