import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistryCorruptError } from '../src/errors';
import {
  formatSha256Sums,
  parseSha256Sums,
  readSha256Sums,
  writeSha256Sums,
} from '../src/sha256-sums';

const A = 'a'.repeat(64);
const B = 'B'.repeat(64);

describe('formatSha256Sums', () => {
  it('writes sha256sum text-mode lines sorted by name', () => {
    expect(
      formatSha256Sums([
        { name: 'z.bin', sha256: A },
        { name: 'model.json', sha256: A },
      ]),
    ).toBe(`${A}  model.json\n${A}  z.bin\n`);
  });
});

describe('parseSha256Sums', () => {
  it('reads text-mode and binary-mode lines and lowercases the hashes', () => {
    expect(parseSha256Sums(`${A}  model.json\r\n${B} *weights.bin\n\n`)).toEqual([
      { name: 'model.json', sha256: A },
      { name: 'weights.bin', sha256: 'b'.repeat(64) },
    ]);
  });

  it('names the file and line of a malformed entry', () => {
    expect(() => parseSha256Sums(`${A}  ok\nnot-a-hash  x\n`, 'v/SHA256SUMS')).toThrow(
      /v\/SHA256SUMS, line 2/,
    );
    expect(() => parseSha256Sums('abc  x')).toThrow(RegistryCorruptError);
  });
});

describe('writeSha256Sums and readSha256Sums', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sha256sums-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trip the entries through a file', async () => {
    const entries = [
      { name: 'a.bin', sha256: A },
      { name: 'b.bin', sha256: 'c'.repeat(64) },
    ];
    const path = join(dir, 'SHA256SUMS');
    await writeSha256Sums(path, entries);
    expect(await readFile(path, 'utf8')).toBe(formatSha256Sums(entries));
    expect(await readSha256Sums(path)).toEqual(entries);
  });
});
