import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { add } from '../src/add';
import { removeStaleTempFiles, tempPath } from '../src/atomic-write';
import { cacheTempDir, workspaceTempDir } from '../src/cache-layout';
import {
  DvcOverlappingOutputError,
  DvcPointerError,
  DvcWorkspaceConflictError,
} from '../src/errors';
import { pull } from '../src/pull';
import { push } from '../src/push';
import { status } from '../src/status';
import { FIXTURES, makeRepo, removeAll, scratch, snapshot } from './helpers';

const HOST = hostname().replace(/[^A-Za-z0-9]/g, '_');

async function pushedRepo(): Promise<string> {
  const root = await makeRepo();
  await add({ root, target: 'data' });
  await push({ root });
  return root;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((done) => child.on('exit', done));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

describe('pull keeps workspace changes that are not in the cache', () => {
  it('refuses to overwrite an edited file, names it, and writes nothing', async () => {
    const root = await pushedRepo();
    await writeFile(join(root, 'data', 'a.csv'), 'my edit\n');
    await rm(join(root, 'data', 'nested'), { recursive: true });
    const before = await snapshot(join(root, 'data'));
    const error = await pull({ root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DvcWorkspaceConflictError);
    expect(error).toBeInstanceOf(DvcPointerError);
    expect((error as DvcWorkspaceConflictError).paths).toEqual(['data/a.csv']);
    expect((error as Error).message).toContain('data/a.csv');
    expect((error as Error).message).toContain('data.dvc');
    expect(await snapshot(join(root, 'data'))).toEqual(before);
  });

  it('refuses to replace a file created where the pointer lists one that is missing', async () => {
    const root = await pushedRepo();
    await removeAll(join(root, 'data'));
    await mkdir(join(root, 'data', 'nested'), { recursive: true });
    await writeFile(join(root, 'data', 'nested', 'c.txt'), 'made here, never added\n');
    const error = await pull({ root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DvcWorkspaceConflictError);
    expect((error as DvcWorkspaceConflictError).paths).toEqual(['data/nested/c.txt']);
    expect(await readdir(join(root, 'data'))).toEqual(['nested']);
  });

  it('overwrites the edited file when forced and reports it', async () => {
    const root = await pushedRepo();
    await writeFile(join(root, 'data', 'a.csv'), 'my edit\n');
    const result = await pull({ root, force: true });
    expect(result.overwritten).toEqual(['data/a.csv']);
    expect(await snapshot(join(root, 'data'))).toEqual(await snapshot(join(FIXTURES, 'dataset')));
  });

  it('replaces a file whose contents are in the cache without force (nothing is lost)', async () => {
    const root = await pushedRepo();
    const v1 = await readFile(join(root, 'data.dvc'), 'utf8');
    const original = await readFile(join(root, 'data', 'a.csv'));
    await writeFile(join(root, 'data', 'a.csv'), 'version two\n');
    await add({ root, target: 'data' });
    // As after `git checkout` of the older pointer: the workspace holds v2, which the cache has.
    await writeFile(join(root, 'data.dvc'), v1);
    const result = await pull({ root });
    expect(result).toMatchObject({ checkedOut: 1, overwritten: [] });
    expect(await readFile(join(root, 'data', 'a.csv'))).toEqual(original);
  });
});

describe('temp files of interrupted runs', () => {
  it('are named after the process that writes them', () => {
    expect(tempPath('/x', 'a.csv')).toMatch(
      new RegExp(`^/x/\\.a\\.csv\\.${process.pid}@${HOST}-[0-9a-f]{12}\\.tmp$`),
    );
  });

  it('are removed when their process is gone, kept while it runs', async () => {
    const dir = await scratch();
    const dead = join(dir, `.big.bin.${await deadPid()}@${HOST}-0123456789ab.tmp`);
    const mine = tempPath(dir, 'big.bin');
    const other = join(dir, 'notes.tmp');
    for (const file of [dead, mine, other]) await writeFile(file, 'x');
    expect(await removeStaleTempFiles(dir)).toEqual([dead]);
    expect((await readdir(dir)).sort()).toEqual(
      [mine, other].map((f) => f.slice(dir.length + 1)).sort(),
    );
  });

  it('of another host are kept until a day old, since its pids cannot be checked', async () => {
    const dir = await scratch();
    const pid = await deadPid();
    const recent = join(dir, `.a.csv.${pid}@elsewhere-0123456789ab.tmp`);
    const old = join(dir, `.b.csv.${pid}@elsewhere-0123456789ab.tmp`);
    await writeFile(recent, 'x');
    await writeFile(old, 'x');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    await utimes(old, twoDaysAgo, twoDaysAgo);
    expect(await removeStaleTempFiles(dir)).toEqual([old]);
  });

  it('without a pid (older versions) are removed once an hour old', async () => {
    const dir = await scratch();
    const old = join(dir, '.a.csv.0123456789ab.tmp');
    const fresh = join(dir, '.b.csv.0123456789ab.tmp');
    await writeFile(old, 'x');
    await writeFile(fresh, 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(old, twoHoursAgo, twoHoursAgo);
    expect(await removeStaleTempFiles(dir)).toEqual([old]);
    expect(await removeStaleTempFiles(join(dir, 'absent'))).toEqual([]);
  });

  it('that older versions left beside a data file are removed by the next pull', async () => {
    const root = await pushedRepo();
    const legacy = join(root, 'data', 'nested', '.c.txt.0123456789ab.tmp');
    const unrelated = join(root, 'data', '.notes.0123456789ab.tmp');
    await writeFile(legacy, 'half');
    await writeFile(unrelated, 'mine');
    await pull({ root });
    await expect(stat(legacy)).rejects.toThrow(/ENOENT/);
    expect(await readFile(unrelated, 'utf8')).toBe('mine');
  });

  it('are cleaned from the cache and checkout temp folders by the next pull', async () => {
    const root = await pushedRepo();
    const pid = await deadPid();
    const leftovers = [
      join(cacheTempDir(join(root, '.dvc', 'cache')), `.obj.${pid}@${HOST}-0123456789ab.tmp`),
      join(workspaceTempDir(join(root, '.dvc')), `.a.csv.${pid}@${HOST}-0123456789ab.tmp`),
    ];
    for (const file of leftovers) {
      await mkdir(join(file, '..'), { recursive: true });
      await writeFile(file, 'half');
    }
    await pull({ root });
    for (const file of leftovers) await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });
});

describe('add refuses a path another pointer already tracks', () => {
  it('refuses a file inside a tracked folder, naming the pointer, and writes nothing', async () => {
    const root = await pushedRepo();
    const before = await snapshot(root);
    const error = await add({ root, target: 'data/nested/c.txt' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DvcOverlappingOutputError);
    expect((error as DvcOverlappingOutputError).trackedBy).toBe('data.dvc');
    expect((error as Error).message).toBe(
      'data.dvc: outs[0].path: data/nested/c.txt is inside data, which this pointer already tracks; add data instead to version the change',
    );
    expect(await snapshot(root)).toEqual(before);
    expect((await status({ root, remote: false })).workspace).toBe('clean');
    // The folder itself is still re-added through its own pointer.
    await writeFile(join(root, 'data', 'nested', 'c.txt'), 'changed\n');
    await expect(add({ root, target: 'data' })).resolves.toMatchObject({ stored: 2 });
  });

  it('refuses a folder that holds a tracked output', async () => {
    const root = await makeRepo();
    await mkdir(join(root, 'models'));
    await writeFile(join(root, 'models', 'single.txt'), 'x');
    await add({ root, target: 'models/single.txt' });
    const error = await add({ root, target: 'models' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DvcOverlappingOutputError);
    expect((error as Error).message).toContain('models/single.txt.dvc');
  });
});

describe('push to a local remote committed with the repository', () => {
  it('copies through a git-ignored tmp folder and removes what an interrupted push left', async () => {
    const root = await makeRepo();
    await add({ root, target: 'data' });
    const tmp = join(root, '.dvc', 'remote', 'tmp');
    await mkdir(tmp, { recursive: true });
    const leftover = join(tmp, `.x.${await deadPid()}@${HOST}-0123456789ab.tmp`);
    await writeFile(leftover, 'half');
    await push({ root });
    await expect(stat(leftover)).rejects.toThrow(/ENOENT/);
    expect(await readFile(join(tmp, '.gitignore'), 'utf8')).toBe('*\n');
    expect(await readdir(tmp)).toEqual(['.gitignore']);
    const shards = await readdir(join(root, '.dvc', 'remote', 'files', 'md5'), { recursive: true });
    expect(shards.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
