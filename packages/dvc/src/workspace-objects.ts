import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DirEntry } from './directory-object';
import { DvcObjectCorruptError } from './errors';
import type { ObjectCache, ObjectRef } from './object-cache';
import type { Remote } from './remote';
import type { TrackedOutput } from './tracked-outputs';

/** A file object and the workspace file it materializes as. */
export interface FileObject {
  readonly ref: ObjectRef;
  /** Absolute workspace path. */
  readonly dest: string;
}

/** The `.dir` listing object of a directory output. */
export function listingRef(output: TrackedOutput): ObjectRef {
  return { md5: output.out.md5, relpath: output.relpath, algorithm: output.out.algorithm };
}

/** File objects of `output`, given its listing entries when it is a directory. */
export function fileObjects(output: TrackedOutput, entries?: readonly DirEntry[]): FileObject[] {
  if (!output.out.isDir) {
    return [{ ref: listingRef(output), dest: output.abs }];
  }
  return (entries ?? []).map((entry) => ({
    ref: {
      md5: entry.md5,
      relpath: `${output.relpath}/${entry.relpath}`,
      algorithm: output.out.algorithm,
    },
    dest: join(output.abs, ...entry.relpath.split('/')),
  }));
}

/**
 * Entries of a directory output's listing: from the cache (verified as it is parsed; a corrupt
 * copy is dropped), else fetched from the remote into the cache (verified) when `remote()` gives one.
 * `fetched` tells whether it was downloaded. Returns undefined when the listing is in neither place and `remote` is not given.
 */
export async function loadListing(
  cache: ObjectCache,
  output: TrackedOutput,
  remote?: () => Remote,
  onChunk?: (chunk: Buffer) => void,
): Promise<{ entries: DirEntry[]; fetched: boolean } | undefined> {
  const ref = listingRef(output);
  const cached = await cache.readListing(ref).catch(async (error: unknown) => {
    if (!(error instanceof DvcObjectCorruptError)) throw error;
    await rm(cache.path(ref), { force: true });
    return undefined;
  });
  if (cached !== undefined) return { entries: cached, fetched: false };
  if (remote === undefined) return undefined;
  await cache.fetch(ref, remote(), onChunk);
  const entries = await cache.readListing(ref);
  return entries === undefined ? undefined : { entries, fetched: true };
}

/** Unique refs by cache location (md5 + algorithm), first occurrence kept. */
export function uniqueRefs(refs: readonly ObjectRef[]): ObjectRef[] {
  const seen = new Map<string, ObjectRef>();
  for (const ref of refs) {
    const key = `${ref.algorithm}:${ref.md5}`;
    if (!seen.has(key)) seen.set(key, ref);
  }
  return [...seen.values()];
}
