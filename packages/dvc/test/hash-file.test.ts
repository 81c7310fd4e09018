import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dos2unix, hashBytes, hashFile, isTextBlock } from '../src/hash-file';
import { FIXTURES, readGolden, scratch } from './helpers';

describe('hashFile', () => {
  it('matches the DVC 3 md5 and size of the fixture file computed by golden.py', async () => {
    const golden = await readGolden();
    const hashed = await hashFile(join(FIXTURES, golden.file.path));
    expect(hashed).toEqual({ md5: golden.file.md5, size: golden.file.size });
  });

  it('hashes raw bytes for DVC 3 and CRLF-normalized bytes for legacy DVC 2 pointers', async () => {
    const golden = await readGolden();
    const path = join(FIXTURES, golden.crlf.path);
    expect((await hashFile(path)).md5).toBe(golden.crlf.md5);
    expect((await hashFile(path, 'md5-dos2unix')).md5).toBe(golden.crlf.md5Dos2unix);
    expect(golden.crlf.md5).not.toBe(golden.crlf.md5Dos2unix);
  });

  it('streams a multi-megabyte file to the same md5 as hashing it in one piece', async () => {
    const dir = await scratch();
    const bytes = Buffer.alloc(5 * 2 ** 20 + 123);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 31 + (i >> 11)) & 0xff;
    const path = join(dir, 'big.bin');
    await writeFile(path, bytes);
    const expected = createHash('md5').update(bytes).digest('hex');
    expect(await hashFile(path)).toEqual({ md5: expected, size: bytes.length });
  });

  it('applies dos2unix per 1 MiB block exactly as DVC 2, including a CRLF split across blocks', async () => {
    const golden = await readGolden();
    const block = 2 ** 20;
    const data = Buffer.concat([
      Buffer.alloc(block - 1, 'x'),
      Buffer.from('\r\n'),
      Buffer.from('tail\r\n'.repeat(100)),
    ]);
    expect(hashBytes(data)).toBe(golden.legacyBoundary.md5);
    expect(hashBytes(data, 'md5-dos2unix')).toBe(golden.legacyBoundary.md5Dos2unix);
    const dir = await scratch();
    await writeFile(join(dir, 'boundary.txt'), data);
    expect((await hashFile(join(dir, 'boundary.txt'), 'md5-dos2unix')).md5).toBe(
      golden.legacyBoundary.md5Dos2unix,
    );
  });
});

describe('DVC 2 text detection', () => {
  it('treats blocks with a NUL byte or over 30 % non-text bytes as binary', () => {
    expect(isTextBlock(Buffer.from('plain text\r\n'))).toBe(true);
    expect(isTextBlock(Buffer.from([0x61, 0x00, 0x62]))).toBe(false);
    expect(isTextBlock(Buffer.from([0x80, 0x61, 0x62, 0x63]))).toBe(true);
    expect(isTextBlock(Buffer.from([0x80, 0x81, 0x62, 0x63, 0x64]))).toBe(false);
    expect(isTextBlock(Buffer.alloc(0))).toBe(true);
  });

  it('replaces CRLF by LF but keeps lone CR and LF', () => {
    expect(dos2unix(Buffer.from('a\r\nb\rc\nd\r\n\r')).toString()).toBe('a\nb\rc\nd\n\r');
  });
});
