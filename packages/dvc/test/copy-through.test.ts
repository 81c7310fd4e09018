import { randomBytes } from 'node:crypto';
import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, copyThrough } from '../src/copy-through';
import { scratch } from './helpers';

async function copyOf(bytes: Buffer, copies: number) {
  const dir = await scratch();
  const src = join(dir, 'src.bin');
  await writeFile(src, bytes);
  const dests = Array.from({ length: copies }, (_, i) => join(dir, `dest${i}.bin`));
  const seen: Buffer[] = [];
  const handle = await open(src, 'r');
  try {
    const copied = await copyThrough(handle, dests, (chunk) => seen.push(Buffer.from(chunk)));
    return { copied, seen, written: await Promise.all(dests.map((d) => readFile(d))) };
  } finally {
    await handle.close();
  }
}

describe('copyThrough', () => {
  it('writes a file of several chunks to two files, each byte shown to the listener once, in order', async () => {
    const bytes = randomBytes(3 * CHUNK_BYTES + 12345);
    const { copied, seen, written } = await copyOf(bytes, 2);
    expect(copied).toBe(bytes.length);
    expect(seen.length).toBe(4);
    expect(Buffer.concat(seen).equals(bytes)).toBe(true);
    for (const copy of written) expect(copy.equals(bytes)).toBe(true);
  });

  it('copies a small file, and an empty one, in one piece', async () => {
    const small = await copyOf(Buffer.from('row 1\n'), 1);
    expect(small.seen.map((chunk) => chunk.toString())).toEqual(['row 1\n']);
    expect(small.written[0]?.toString()).toBe('row 1\n');
    const empty = await copyOf(Buffer.alloc(0), 2);
    expect(empty.copied).toBe(0);
    expect(empty.written.map((copy) => copy.length)).toEqual([0, 0]);
  });
});
