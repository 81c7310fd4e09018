import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { add } from '../src/add';
import { objectKey, objectPath } from '../src/cache-layout';
import { DvcObjectMissingError, DvcRemoteError } from '../src/errors';
import { push } from '../src/push';
import { makeRepo, readGolden, snapshot } from './helpers';

describe('push', () => {
  it('uploads every object the first time, including the .dir listing, into the remote layout', async () => {
    const golden = await readGolden();
    const root = await makeRepo();
    await add({ root, target: 'data' });
    const result = await push({ root });
    expect(result).toMatchObject({ uploaded: golden.directory.nfiles + 1, alreadyOnRemote: 0 });
    const remote = join(root, '.dvc', 'remote');
    const stored = await snapshot(join(remote, 'files', 'md5'));
    expect(stored.size).toBe(golden.directory.nfiles + 1);
    expect(stored.get(objectKey(golden.directory.md5).replace('files/md5/', ''))?.toString()).toBe(
      golden.directory.listing,
    );
  });

  it('uploads only objects the remote is missing', async () => {
    const golden = await readGolden();
    const root = await makeRepo();
    await add({ root, target: 'data' });
    await push({ root });
    expect(await push({ root })).toMatchObject({ uploaded: 0, bytesUploaded: 0 });

    await writeFile(join(root, 'data', 'new.txt'), 'a new file\n');
    await add({ root, target: 'data' });
    const result = await push({ root });
    expect(result).toMatchObject({ uploaded: 2, alreadyOnRemote: golden.directory.nfiles });
    expect(result.bytesUploaded).toBeGreaterThan('a new file\n'.length);
  });

  it('refuses to push to an HTTP remote', async () => {
    const root = await makeRepo(
      '[core]\nremote = web\n[\'remote "web"\']\nurl = http://127.0.0.1:9/store\n',
    );
    await add({ root, target: 'data' });
    await expect(push({ root })).rejects.toThrow(DvcRemoteError);
    await expect(push({ root })).rejects.toThrow(/read-only/);
  });

  it('names an object that is in neither the cache nor the remote', async () => {
    const golden = await readGolden();
    const root = await makeRepo();
    await add({ root, target: 'data' });
    const entry = golden.directory.entries[1];
    if (!entry) throw new Error('fixture has entries');
    await rm(objectPath(join(root, '.dvc', 'cache'), entry.md5), { force: true });
    const error = await push({ root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DvcObjectMissingError);
    expect((error as Error).message).toContain(entry.md5);
    expect((error as Error).message).toContain(`data/${entry.relpath}`);
  });
});
