import { isDirObjectId, removeInterruptedTempFiles } from './cache-layout';
import { cachedSize } from './checkout-plan';
import { mapLimit } from './concurrency';
import { readDvcConfig } from './dvc-config';
import { DvcObjectCorruptError, DvcObjectMissingError, DvcRemoteError } from './errors';
import { ObjectCache, type ObjectRef } from './object-cache';
import { PhaseProgress, type ProgressListener } from './progress';
import { openRemote, type Remote } from './remote';
import { loadTrackedOutputs } from './tracked-outputs';
import { fileObjects, listingRef, loadListing, uniqueRefs } from './workspace-objects';

export interface PushOptions {
  readonly root: string;
  /** One pointer file (relative to root); default: every `*.dvc` under root. */
  readonly pointer?: string;
  /** Remote name; default `core.remote`. */
  readonly remote?: string;
  readonly onProgress?: ProgressListener;
  readonly jobs?: number;
}

export interface PushResult {
  /** Objects uploaded (files and `.dir` listings). */
  readonly uploaded: number;
  /** Objects the remote already had (not uploaded again). */
  readonly alreadyOnRemote: number;
  readonly bytesUploaded: number;
}

async function verifiedInCache(cache: ObjectCache, ref: ObjectRef, remote: Remote): Promise<void> {
  const actual = await cache.actualMd5(ref);
  if (actual === undefined) {
    throw new DvcObjectMissingError(ref.md5, ref.relpath, [cache.path(ref), remote.url]);
  }
  if (actual !== ref.md5) {
    throw new DvcObjectCorruptError(ref.md5, ref.relpath, actual, cache.path(ref));
  }
}

/** Every object of the outputs, unique, files before the `.dir` listings that reference them. */
async function objectsToPush(
  cache: ObjectCache,
  remote: Remote,
  pointer: string | undefined,
  root: string,
): Promise<ObjectRef[]> {
  const refs: ObjectRef[] = [];
  for (const output of await loadTrackedOutputs(root, pointer)) {
    if (output.out.isDir) {
      const listing = await loadListing(cache, output);
      if (listing === undefined) {
        // Listing not cached: fine only if the remote already has it (then it has the files too
        // as far as we can know without the listing).
        if (await remote.exists(cache.key(listingRef(output)))) continue;
        const ref = listingRef(output);
        throw new DvcObjectMissingError(ref.md5, ref.relpath, [cache.path(ref), remote.url]);
      }
      refs.push(...fileObjects(output, listing.entries).map((file) => file.ref));
    }
    refs.push(listingRef(output));
  }
  const all = uniqueRefs(refs);
  return [
    ...all.filter((ref) => !isDirObjectId(ref.md5)),
    ...all.filter((ref) => isDirObjectId(ref.md5)),
  ];
}

/**
 * cache → remote: upload only the objects the remote lacks (`exists` first), files before
 * the `.dir` listings that reference them. Each cached object is re-hashed before upload.
 * An HTTP remote is read-only: DvcRemoteError before anything is done.
 */
export async function push(options: PushOptions): Promise<PushResult> {
  const config = await readDvcConfig(options.root);
  await removeInterruptedTempFiles(config);
  const remote = openRemote(config, options.remote);
  if (remote.readOnly) {
    throw new DvcRemoteError(remote.url, 'cannot push: this remote is read-only (HTTP)');
  }
  const cache = new ObjectCache(config.cacheDir);
  const jobs = options.jobs ?? 4;
  const ordered = await objectsToPush(cache, remote, options.pointer, config.root);

  const query = new PhaseProgress('query', ordered.length, options.onProgress);
  const present = await mapLimit(ordered, jobs, async (ref) => {
    const found = await remote.exists(cache.key(ref));
    query.finishOne();
    return found;
  });
  const missing = ordered.filter((_, index) => !present[index]);

  const sizes = await mapLimit(missing, jobs, (ref) => cachedSize(cache, ref));
  const upload = new PhaseProgress(
    'upload',
    missing.length,
    options.onProgress,
    sizes.reduce((sum, size) => sum + size, 0),
  );
  const files = missing.filter((ref) => !isDirObjectId(ref.md5));
  const listings = missing.filter((ref) => isDirObjectId(ref.md5));
  for (const batch of [files, listings]) {
    await mapLimit(batch, jobs, async (ref) => {
      await verifiedInCache(cache, ref, remote);
      await remote.upload(cache.key(ref), cache.path(ref), (chunk) =>
        upload.addBytes(chunk.length),
      );
      upload.finishOne();
    });
  }
  return {
    uploaded: missing.length,
    alreadyOnRemote: ordered.length - missing.length,
    bytesUploaded: upload.bytes,
  };
}
