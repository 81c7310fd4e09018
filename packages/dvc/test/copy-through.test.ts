import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, copyThrough } from '../src/copy-through';
import { scratch } from './helpers';

async function copyOf(bytes: Buffer, copies: number) {
  const dir = await scratch();
  const src = join(dir, 'src.bin');
  await writeFile(src, bytes, { mode: 0o444 });
  const dests = Array.from({ length: copies }, (_, i) => join(dir, `dest${i}.bin`));
  const seen: Buffer[] = [];
  const copied = await copyThrough(src, dests, (chunk) => seen.push(Buffer.from(chunk)));
  return { copied, dests, seen, written: await Promise.all(dests.map((d) => readFile(d))) };
}

describe('copyThrough', () => {
  it('copies a file of several chunks to two files, each byte shown to the listener once, in order', async () => {
    const bytes = randomBytes(3 * CHUNK_BYTES + 12345);
    const { copied, dests, seen, written } = await copyOf(bytes, 2);
    expect(copied).toBe(bytes.length);
    expect(seen.length).toBe(4);
    expect(Buffer.concat(seen).equals(bytes)).toBe(true);
    for (const copy of written) expect(copy.equals(bytes)).toBe(true);
    // The second copy (a workspace file) is writable although the source is read-only.
    expect((await stat(dests[1] as string)).mode & 0o200).toBe(0o200);
  });

  it('copies a small file, and an empty one, in one piece', async () => {
    const small = await copyOf(Buffer.from('row 1\n'), 1);
    expect(small.seen.map((chunk) => chunk.toString())).toEqual(['row 1\n']);
    expect(small.written[0]?.toString()).toBe('row 1\n');
    const empty = await copyOf(Buffer.alloc(0), 2);
    expect(empty.copied).toBe(0);
    expect(empty.written.map((copy) => copy.length)).toEqual([0, 0]);
  });

  it('says a missing source is missing and writes nothing', async () => {
    const dir = await scratch();
    expect(await copyThrough(join(dir, 'absent'), [join(dir, 'dest')])).toBeUndefined();
    await expect(readFile(join(dir, 'dest'))).rejects.toThrow(/ENOENT/);
  });
});
