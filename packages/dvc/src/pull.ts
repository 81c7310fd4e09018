import { copyFileAtomic } from './atomic-write';
import { mapLimit } from './concurrency';
import type { DirEntry } from './directory-object';
import { readDvcConfig } from './dvc-config';
import { hashFile } from './hash-file';
import { ObjectCache } from './object-cache';
import { PhaseProgress, type ProgressListener } from './progress';
import { openRemote, type Remote } from './remote';
import { loadTrackedOutputs } from './tracked-outputs';
import { type FileObject, fileObjects, loadListing, uniqueRefs } from './workspace-objects';

export interface PullOptions {
  /** Repository root (the folder holding `.dvc/`); any cwd works. */
  readonly root: string;
  /** One pointer file (relative to root, e.g. `data.dvc`); default: every `*.dvc` under root. */
  readonly pointer?: string;
  /** Remote name; default `core.remote`. Only opened when something is missing from the cache. */
  readonly remote?: string;
  readonly onProgress?: ProgressListener;
  /** Parallel transfers and hashes (default 4). */
  readonly jobs?: number;
}

export interface PullResult {
  /** Objects downloaded from the remote (listings included). */
  readonly downloaded: number;
  readonly bytesDownloaded: number;
  /** Workspace files written. */
  readonly checkedOut: number;
  /** Workspace files that already had the right md5 and were left alone. */
  readonly unchanged: number;
}

async function hasMd5(file: FileObject): Promise<boolean> {
  try {
    return (await hashFile(file.dest, file.ref.algorithm)).md5 === file.ref.md5;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return false;
    throw error;
  }
}

/**
 * remote → cache → workspace. Every object is verified (md5 of the bytes) when downloaded,
 * and cached objects are re-verified, before anything is written to the workspace: a corrupt
 * object throws DvcObjectCorruptError (naming md5 and relpath) with the workspace untouched.
 * Downloads are renamed into the cache from a temp file; workspace files are copied (not
 * linked) through a temp file + rename. Files that already match are left alone; files not
 * listed in a directory output are not deleted.
 */
export async function pull(options: PullOptions): Promise<PullResult> {
  const config = await readDvcConfig(options.root);
  const cache = new ObjectCache(config.cacheDir);
  const jobs = options.jobs ?? 4;
  let remote: Remote | undefined;
  const getRemote = (): Remote => {
    remote ??= openRemote(config, options.remote);
    return remote;
  };
  let downloaded = 0;
  let bytesDownloaded = 0;

  const outputs = await loadTrackedOutputs(config.root, options.pointer);
  const listings = new PhaseProgress(
    'listing',
    outputs.filter((o) => o.out.isDir).length,
    options.onProgress,
  );
  const files: FileObject[] = [];
  for (const output of outputs) {
    let entries: readonly DirEntry[] | undefined;
    if (output.out.isDir) {
      const listing = await loadListing(cache, output, getRemote, (chunk) => {
        bytesDownloaded += chunk.length;
        listings.addBytes(chunk.length);
      });
      entries = listing?.entries;
      if (listing?.fetched) downloaded += 1;
      listings.finishOne();
    }
    files.push(...fileObjects(output, entries));
  }

  const hashing = new PhaseProgress('hash', files.length, options.onProgress);
  const matches = await mapLimit(files, jobs, async (file) => {
    const ok = await hasMd5(file);
    hashing.finishOne();
    return ok;
  });
  const pending = files.filter((_, index) => !matches[index]);

  // Verify everything needed (downloading what is missing) before touching the workspace.
  const needed = uniqueRefs(pending.map((file) => file.ref));
  const downloads = new PhaseProgress('download', needed.length, options.onProgress);
  await mapLimit(needed, jobs, async (ref) => {
    if (!(await cache.verify(ref))) {
      await cache.fetch(ref, getRemote(), (chunk) => {
        bytesDownloaded += chunk.length;
        downloads.addBytes(chunk.length);
      });
      downloaded += 1;
    }
    downloads.finishOne();
  });

  const checkout = new PhaseProgress('checkout', pending.length, options.onProgress);
  await mapLimit(pending, jobs, async (file) => {
    await copyFileAtomic(cache.path(file.ref), file.dest, {
      onChunk: (chunk) => checkout.addBytes(chunk.length),
    });
    checkout.finishOne();
  });

  return {
    downloaded,
    bytesDownloaded,
    checkedOut: pending.length,
    unchanged: files.length - pending.length,
  };
}
