import { describe, expect, it } from 'vitest';
import { objectKey, objectPath } from '../src/cache-layout';

describe('objectKey', () => {
  it('shards DVC 3 objects under files/md5 by the first two hex digits', () => {
    expect(objectKey('3863d0e317dee0a55c4e59d2ec0eef33')).toBe(
      'files/md5/38/63d0e317dee0a55c4e59d2ec0eef33',
    );
  });

  it('keeps the .dir suffix in the file name of directory objects', () => {
    expect(objectKey('3863d0e317dee0a55c4e59d2ec0eef33.dir')).toBe(
      'files/md5/38/63d0e317dee0a55c4e59d2ec0eef33.dir',
    );
  });

  it('uses the DVC 2 layout at the root for legacy objects', () => {
    expect(objectKey('3863d0e317dee0a55c4e59d2ec0eef33', 'md5-dos2unix')).toBe(
      '38/63d0e317dee0a55c4e59d2ec0eef33',
    );
  });

  it('refuses ids that are not md5 values', () => {
    expect(() => objectKey('../../etc/passwd')).toThrow(/not a DVC object id/);
  });

  it('joins the key under a cache folder', () => {
    expect(objectPath('/repo/.dvc/cache', 'ab'.repeat(16))).toBe(
      `/repo/.dvc/cache/files/md5/ab/${'ab'.repeat(15)}`,
    );
  });
});
