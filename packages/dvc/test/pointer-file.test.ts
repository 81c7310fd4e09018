import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DvcPointerError } from '../src/errors';
import { formatPointer, parsePointer, readPointer, writePointer } from '../src/pointer-file';
import { scratch } from './helpers';

const DIR_MD5 = '3863d0e317dee0a55c4e59d2ec0eef33.dir';

describe('writePointer', () => {
  it('writes the DVC 3 layout with keys in DVC order for a directory', async () => {
    const dir = await scratch();
    const file = join(dir, 'data.dvc');
    await writePointer(file, [{ md5: DIR_MD5, size: 1234, nfiles: 3, path: 'data' }]);
    expect(await readFile(file, 'utf8')).toBe(
      `outs:\n- md5: ${DIR_MD5}\n  size: 1234\n  nfiles: 3\n  hash: md5\n  path: data\n`,
    );
  });

  it('omits nfiles for a single file', () => {
    expect(formatPointer([{ md5: 'a'.repeat(32), size: 5, path: 'model.bin' }])).toBe(
      `outs:\n- md5: ${'a'.repeat(32)}\n  size: 5\n  hash: md5\n  path: model.bin\n`,
    );
  });
});

describe('readPointer', () => {
  it('reads back what writePointer wrote as a DVC 3, non-legacy pointer', async () => {
    const dir = await scratch();
    const file = join(dir, 'data.dvc');
    await writePointer(file, [{ md5: DIR_MD5, size: 1234, nfiles: 3, path: 'data' }]);
    const pointer = await readPointer(file);
    expect(pointer.legacy).toBe(false);
    expect(pointer.legacyExplanation).toBeUndefined();
    expect(pointer.outs).toEqual([
      { md5: DIR_MD5, size: 1234, nfiles: 3, path: 'data', algorithm: 'md5', isDir: true },
    ]);
  });

  it('reads a DVC 2 pointer without hash: as legacy, explaining the dos2unix normalization', () => {
    const text = `outs:\n- md5: ${'b'.repeat(32)}\n  size: 10\n  path: data.csv\n`;
    const pointer = parsePointer(text, 'data.csv.dvc');
    expect(pointer.legacy).toBe(true);
    expect(pointer.outs[0]?.algorithm).toBe('md5-dos2unix');
    expect(pointer.legacyExplanation).toMatch(/DVC 2/);
    expect(pointer.legacyExplanation).toMatch(/dos2unix/);
    expect(pointer.legacyExplanation).toMatch(/may not match DVC 3/);
  });

  it.each([
    ['outs[0].md5', `outs:\n- md5: xyz\n  hash: md5\n  path: data\n`],
    ['outs[0].md5', `outs:\n- hash: md5\n  path: data\n`],
    ['outs[0].path', `outs:\n- md5: ${'c'.repeat(32)}\n  hash: md5\n`],
    ['outs[0].size', `outs:\n- md5: ${'c'.repeat(32)}\n  size: -1\n  hash: md5\n  path: d\n`],
    [
      'outs[1].hash',
      `outs:\n- md5: ${'c'.repeat(32)}\n  path: a\n- md5: ${'d'.repeat(32)}\n  hash: sha1\n  path: b\n`,
    ],
    ['outs[0].nfiles', `outs:\n- md5: ${'c'.repeat(32)}\n  nfiles: 2\n  hash: md5\n  path: d\n`],
    ['outs', 'outs: []\n'],
    ['outs', 'meta: 1\n'],
    ['(yaml)', 'outs: [\n'],
  ])('throws DvcPointerError naming %s for a malformed pointer', async (field, text) => {
    const dir = await scratch();
    const file = join(dir, 'bad.dvc');
    await writeFile(file, text);
    const error = await readPointer(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DvcPointerError);
    expect((error as DvcPointerError).field).toBe(field);
    expect((error as DvcPointerError).file).toBe(file);
    expect((error as Error).message).toContain(`${file}: ${field}:`);
  });

  it('names the file when it cannot be read', async () => {
    const error = await readPointer('/nonexistent/x.dvc').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DvcPointerError);
    expect((error as Error).message).toContain('/nonexistent/x.dvc');
  });
});
