import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dirObjectId,
  hashDirectory,
  parseDirObject,
  serializeDirEntries,
} from '../src/directory-object';
import { DvcObjectCorruptError } from '../src/errors';
import { FIXTURES, readGolden } from './helpers';

describe('hashDirectory', () => {
  it('produces the .dir md5, size, file count and entries golden.py computed with DVC serialization', async () => {
    const golden = await readGolden();
    const hashed = await hashDirectory(join(FIXTURES, golden.directory.path));
    expect(hashed.md5).toBe(golden.directory.md5);
    expect(hashed.size).toBe(golden.directory.size);
    expect(hashed.nfiles).toBe(golden.directory.nfiles);
    expect(hashed.entries.map(({ md5, relpath }) => ({ md5, relpath }))).toEqual(
      golden.directory.entries,
    );
    expect(hashed.listing.toString('utf8')).toBe(golden.directory.listing);
  });

  it('reproduces the legacy DVC 2 directory md5 when hashing with dos2unix', async () => {
    const golden = await readGolden();
    const hashed = await hashDirectory(join(FIXTURES, golden.directory.path), 'md5-dos2unix');
    expect(hashed.md5).toBe(golden.legacyDirectory.md5);
  });
});

describe('serializeDirEntries', () => {
  it('matches Python json.dumps byte for byte for unicode, quotes, control characters and sort order', async () => {
    const golden = await readGolden();
    const bytes = serializeDirEntries(golden.synthetic.entries);
    expect(bytes.toString('utf8')).toBe(golden.synthetic.listing);
    expect(dirObjectId(bytes)).toBe(golden.synthetic.md5);
  });
});

describe('parseDirObject', () => {
  it('returns the entries of a listing whose bytes match its id', async () => {
    const golden = await readGolden();
    const bytes = Buffer.from(golden.directory.listing);
    expect(parseDirObject(bytes, golden.directory.md5, 'data', 'test')).toEqual(
      golden.directory.entries,
    );
  });

  it('rejects bytes that do not hash to the expected id, naming the object', () => {
    const bytes = Buffer.from('[{"md5": "00000000000000000000000000000000", "relpath": "a"}]');
    const wrong = `${'f'.repeat(32)}.dir`;
    expect(() => parseDirObject(bytes, wrong, 'data', 'test')).toThrow(DvcObjectCorruptError);
    expect(() => parseDirObject(bytes, wrong, 'data', 'test')).toThrow(wrong);
  });

  it('rejects a listing whose relpath escapes the directory', () => {
    const bytes = serializeDirEntries([{ md5: '0'.repeat(32), relpath: '../outside' }]);
    expect(() => parseDirObject(bytes, dirObjectId(bytes), 'data', 'test')).toThrow(/bad entry #0/);
  });
});
