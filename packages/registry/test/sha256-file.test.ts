import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256File } from '../src/sha256-file';

describe('sha256File', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sha256file-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('matches the FIPS 180-2 test vectors for "abc" and the empty message', async () => {
    await writeFile(join(dir, 'abc'), 'abc');
    await writeFile(join(dir, 'empty'), '');
    expect(await sha256File(join(dir, 'abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256File(join(dir, 'empty'))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('hashes a file larger than one stream chunk (the one-million-"a" vector)', async () => {
    await writeFile(join(dir, 'million'), 'a'.repeat(1_000_000));
    expect(await sha256File(join(dir, 'million'))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });
});
