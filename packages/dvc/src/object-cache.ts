import { createReadStream, createWriteStream } from 'node:fs';
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { withTempFile } from './atomic-write';
import { cacheTempDir, isDirObjectId, objectKey, objectPath } from './cache-layout';
import { type DirEntry, parseDirObject } from './directory-object';
import { DvcObjectCorruptError, DvcObjectMissingError } from './errors';
import { createObjectHasher, type HashAlgorithm, type ObjectHasher } from './hash-file';
import type { Remote } from './remote';
import { tapStream } from './tap-stream';

/** An object a command needs: its id, the workspace path it belongs to, and how it is hashed. */
export interface ObjectRef {
  /** 32 hex digits, plus `.dir` for a directory listing. */
  readonly md5: string;
  /** Workspace path relative to the repo root, `/`-separated. */
  readonly relpath: string;
  readonly algorithm: HashAlgorithm;
}

/** DVC protects cache files by making them read-only (dvc-data `LocalHashFileDB.CACHE_MODE`). */
const CACHE_MODE = 0o444;

/** Hasher whose digest is comparable to `ref.md5` (listings: raw md5 + `.dir`). */
function hasherFor(ref: ObjectRef): { hasher: ObjectHasher; digest: () => string } {
  const dir = isDirObjectId(ref.md5);
  const hasher = createObjectHasher(dir ? 'md5' : ref.algorithm);
  return { hasher, digest: () => `${hasher.digest()}${dir ? '.dir' : ''}` };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** The local object cache (`.dvc/cache` by default) in DVC 3's layout. */
export class ObjectCache {
  constructor(readonly dir: string) {}

  path(ref: ObjectRef): string {
    return objectPath(this.dir, ref.md5, ref.algorithm);
  }

  key(ref: ObjectRef): string {
    return objectKey(ref.md5, ref.algorithm);
  }

  /** Is the object present (not verified)? */
  has(ref: ObjectRef): Promise<boolean> {
    return exists(this.path(ref));
  }

  /** md5 of the cached bytes, computed as `ref` requires; undefined when absent. */
  async actualMd5(ref: ObjectRef): Promise<string | undefined> {
    const { hasher, digest } = hasherFor(ref);
    let bytes: Buffer;
    if (isDirObjectId(ref.md5)) {
      try {
        bytes = await readFile(this.path(ref));
      } catch {
        return undefined;
      }
      hasher.update(bytes);
      return digest();
    }
    try {
      for await (const chunk of createReadStream(this.path(ref), { highWaterMark: 2 ** 20 })) {
        hasher.update(chunk as Buffer);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return digest();
  }

  /** True when the object is cached with the right bytes; a corrupt copy is deleted. */
  async verify(ref: ObjectRef): Promise<boolean> {
    const actual = await this.actualMd5(ref);
    if (actual === undefined) return false;
    if (actual === ref.md5) return true;
    await rm(this.path(ref), { force: true });
    return false;
  }

  /**
   * Download `ref` from `remote` into the cache: streamed into a temp file in the cache,
   * hashed on the way, renamed into place only when the md5 matches. Returns the byte count.
   * Throws DvcObjectMissingError (absent on the remote) or DvcObjectCorruptError (nothing kept).
   */
  async fetch(ref: ObjectRef, remote: Remote, onChunk?: (chunk: Buffer) => void): Promise<number> {
    const key = this.key(ref);
    return withTempFile(
      this.path(ref),
      async (temp) => {
        const { hasher, digest } = hasherFor(ref);
        const found = await remote.download(key, temp, (chunk) => {
          hasher.update(chunk);
          onChunk?.(chunk);
        });
        if (!found) {
          throw new DvcObjectMissingError(ref.md5, ref.relpath, [
            this.path(ref),
            `${remote.url}/${key}`,
          ]);
        }
        const actual = digest();
        if (actual !== ref.md5) {
          throw new DvcObjectCorruptError(ref.md5, ref.relpath, actual, `${remote.url}/${key}`);
        }
        return hasher.size;
      },
      { tempDir: cacheTempDir(this.dir), mode: CACHE_MODE, pauseStep: 'pull:download' },
    );
  }

  /**
   * Copy the workspace file `src` into the cache as `ref` unless already there; the copy is
   * hashed while written and rejected if the file changed meanwhile. True when stored.
   */
  async store(ref: ObjectRef, src: string): Promise<boolean> {
    if (await this.has(ref)) return false;
    const { hasher, digest } = hasherFor(ref);
    await withTempFile(
      this.path(ref),
      async (temp) => {
        await pipeline(
          createReadStream(src, { highWaterMark: 2 ** 20 }),
          tapStream((chunk) => hasher.update(chunk)),
          createWriteStream(temp),
        );
        const actual = digest();
        if (actual !== ref.md5) throw new DvcObjectCorruptError(ref.md5, ref.relpath, actual, src);
      },
      { tempDir: cacheTempDir(this.dir), mode: CACHE_MODE },
    );
    return true;
  }

  /** Store in-memory bytes (a `.dir` listing) as `ref` unless already there. */
  async storeBytes(ref: ObjectRef, bytes: Uint8Array): Promise<boolean> {
    if (await this.has(ref)) return false;
    await withTempFile(this.path(ref), (temp) => writeFile(temp, bytes), {
      tempDir: cacheTempDir(this.dir),
      mode: CACHE_MODE,
    });
    return true;
  }

  /** Entries of a cached `.dir` listing (verified); undefined when not cached. */
  async readListing(ref: ObjectRef): Promise<DirEntry[] | undefined> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path(ref));
    } catch {
      return undefined;
    }
    return parseDirObject(bytes, ref.md5, ref.relpath, this.path(ref));
  }
}
