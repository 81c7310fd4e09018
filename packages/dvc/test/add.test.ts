import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { add } from '../src/add';
import { objectPath } from '../src/cache-layout';
import { readPointer } from '../src/pointer-file';
import { FIXTURES, makeRepo, readGolden } from './helpers';

describe('add', () => {
  it('hashes a directory, caches its files and .dir listing, writes data.dvc and .gitignore', async () => {
    const golden = await readGolden();
    const root = await makeRepo();
    const result = await add({ root, target: 'data' });
    expect(result.pointerFile).toBe(join(root, 'data.dvc'));
    expect(result.md5).toBe(golden.directory.md5);
    expect(result.stored).toBe(golden.directory.nfiles + 1);

    const pointer = await readPointer(join(root, 'data.dvc'));
    expect(pointer.outs).toEqual([
      {
        md5: golden.directory.md5,
        size: golden.directory.size,
        nfiles: golden.directory.nfiles,
        path: 'data',
        algorithm: 'md5',
        isDir: true,
      },
    ]);
    const cache = join(root, '.dvc', 'cache');
    expect(await readFile(objectPath(cache, golden.directory.md5), 'utf8')).toBe(
      golden.directory.listing,
    );
    for (const entry of golden.directory.entries) {
      expect(await readFile(objectPath(cache, entry.md5))).toEqual(
        await readFile(join(FIXTURES, 'dataset', entry.relpath)),
      );
    }
    expect(await readFile(join(root, '.gitignore'), 'utf8')).toBe('/data\n');
  });

  it('does not store objects or .gitignore lines twice when run again', async () => {
    const root = await makeRepo();
    await writeFile(join(root, '.gitignore'), 'node_modules');
    await add({ root, target: 'data/' });
    const again = await add({ root, target: 'data' });
    expect(again.stored).toBe(0);
    expect(again.gitignoreUpdated).toBe(false);
    expect(await readFile(join(root, '.gitignore'), 'utf8')).toBe('node_modules\n/data\n');
  });

  it('writes the pointer and .gitignore beside a single file in a subfolder', async () => {
    const golden = await readGolden();
    const root = await makeRepo();
    await mkdir(join(root, 'models'));
    await writeFile(
      join(root, 'models', 'single.txt'),
      await readFile(join(FIXTURES, 'single.txt')),
    );
    const result = await add({ root, target: 'models/single.txt' });
    expect(result).toMatchObject({ md5: golden.file.md5, size: golden.file.size, stored: 1 });
    expect(await readFile(join(root, 'models', 'single.txt.dvc'), 'utf8')).toBe(
      `outs:\n- md5: ${golden.file.md5}\n  size: ${golden.file.size}\n  hash: md5\n  path: single.txt\n`,
    );
    expect(await readFile(join(root, 'models', '.gitignore'), 'utf8')).toBe('/single.txt\n');
  });
});
