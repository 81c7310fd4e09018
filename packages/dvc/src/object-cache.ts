import { createReadStream, createWriteStream } from 'node:fs';
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { withTempFile } from './atomic-write';
import { cacheTempDir, isDirObjectId, objectKey, objectPath } from './cache-layout';
import { DirMaker } from './dir-maker';
import { type DirEntry, parseDirObject } from './directory-object';
import { DvcObjectCorruptError, DvcObjectMissingError } from './errors';
import { createObjectHasher, type HashAlgorithm, hashFile, type ObjectHasher } from './hash-file';
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
  /** Folders of the cache made so far by this instance (one command). */
  readonly dirs = new DirMaker();
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
    if (isDirObjectId(ref.md5)) {
      let bytes: Buffer;
      try {
        bytes = await readFile(this.path(ref));
      } catch {
        return undefined;
      }
      const { hasher, digest } = hasherFor(ref);
      hasher.update(bytes);
      return digest();
    }
    try {
      return (await hashFile(this.path(ref), ref.algorithm)).md5;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
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
   * hashed on the way, renamed into place only when the md5 matches. With `copyTo` (a path the
   * caller owns and removes on failure), a remote that can (`downloadTo`) also writes the same
   * bytes there in the same pass, e.g. the workspace file's temp copy: `copied` tells.
   * Throws DvcObjectMissingError (absent on the remote) or DvcObjectCorruptError (nothing kept).
   */
  async fetch(
    ref: ObjectRef,
    remote: Remote,
    onChunk?: (chunk: Buffer) => void,
    copyTo?: string,
  ): Promise<{ size: number; copied: boolean }> {
    const key = this.key(ref);
    return withTempFile(
      this.path(ref),
      async (temp) => {
        const { hasher, digest } = hasherFor(ref);
        const listener = (chunk: Buffer) => {
          hasher.update(chunk);
          onChunk?.(chunk);
        };
        const copied = copyTo !== undefined && remote.downloadTo !== undefined;
        const found = copied
          ? await (remote.downloadTo?.(key, [temp, copyTo], listener) ?? false)
          : await remote.download(key, temp, listener);
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
        return { size: hasher.size, copied };
      },
      {
        tempDir: cacheTempDir(this.dir),
        mode: CACHE_MODE,
        pauseStep: 'pull:download',
        dirs: this.dirs,
      },
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
