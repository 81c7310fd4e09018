import { readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { mapLimit } from './concurrency';
import type { ObjectCache, ObjectRef } from './object-cache';
import type { TrustedObjects } from './object-state';

export interface CacheCheck {
  /** Objects to download: absent, or present with bytes that do not hash to their md5 (deleted). */
  readonly missing: readonly ObjectRef[];
  /** Byte size of every object the cache holds with the right bytes, by cache key. */
  readonly sizes: ReadonlyMap<string, number>;
}

/** Names in each shard folder the refs live in: one readdir per shard instead of a stat per object. */
async function shardListings(
  cache: ObjectCache,
  refs: readonly ObjectRef[],
  jobs: number,
): Promise<Map<string, Set<string>>> {
  const shards = [...new Set(refs.map((ref) => dirname(cache.path(ref))))];
  const listed = await mapLimit(shards, jobs, async (shard) => {
    try {
      return new Set(await readdir(shard));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return new Set<string>();
      throw error;
    }
  });
  return new Map(shards.map((shard, index) => [shard, listed[index] as Set<string>]));
}

/**
 * Which of `refs` the cache holds with the right bytes. An object `trusted` records as verified,
 * unchanged since (same inode, size, mtime, ctime), is not read again; any other cached object
 * is hashed, recorded when right, and deleted when its bytes are wrong (so it is downloaded
 * again, as DVC does with a corrupted cache file).
 */
export async function checkCache(
  cache: ObjectCache,
  trusted: TrustedObjects,
  refs: readonly ObjectRef[],
  jobs: number,
): Promise<CacheCheck> {
  const listings = await shardListings(cache, refs, jobs);
  const sizes = new Map<string, number>();
  const found = await mapLimit(refs, jobs, async (ref) => {
    const path = cache.path(ref);
    if (listings.get(dirname(path))?.has(basename(path)) !== true) return false;
    const key = cache.key(ref);
    const stats = await stat(path, { bigint: true }).catch(() => undefined);
    if (stats === undefined || !stats.isFile()) return false;
    if (!trusted.isTrusted(key, stats)) {
      if ((await cache.actualMd5(ref)) !== ref.md5) {
        trusted.distrust(key);
        await rm(path, { force: true });
        return false;
      }
      trusted.trust(key, stats);
    }
    sizes.set(key, Number(stats.size));
    return true;
  });
  return { missing: refs.filter((_, index) => !found[index]), sizes };
}
