import { copyFileAtomic } from './atomic-write';
import { removeInterruptedTempFiles, workspaceTempDir } from './cache-layout';
import {
  cachedSize,
  estimateDownloadBytes,
  inspectWorkspace,
  removeLegacyWorkspaceTemps,
  unsavedChanges,
  type WorkspaceFile,
} from './checkout-plan';
import { mapLimit } from './concurrency';
import type { DirEntry } from './directory-object';
import { type DvcConfig, readDvcConfig } from './dvc-config';
import { DvcWorkspaceConflictError } from './errors';
import { ObjectCache, type ObjectRef } from './object-cache';
import { PhaseProgress, type ProgressListener } from './progress';
import { openRemote, type Remote } from './remote';
import { loadTrackedOutputs, type TrackedOutput } from './tracked-outputs';
import { type FileObject, fileObjects, loadListing, uniqueRefs } from './workspace-objects';

export interface PullOptions {
  /** Repository root (the folder holding `.dvc/`); any cwd works. */
  readonly root: string;
  /** One pointer file (relative to root, e.g. `data.dvc`); default: every `*.dvc` under root. */
  readonly pointer?: string;
  /** Remote name; default `core.remote`. Only opened when something is missing from the cache. */
  readonly remote?: string;
  /** Overwrite workspace files whose contents are not in the cache (default: refuse). */
  readonly force?: boolean;
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
  /** Workspace files replaced with `force` although their contents were not in the cache. */
  readonly overwritten: readonly string[];
}

/** One pull: the cache, the remote (opened when first needed) and the bytes downloaded. */
class PullRun {
  readonly cache: ObjectCache;
  downloaded = 0;
  bytesDownloaded = 0;
  #remote: Remote | undefined;
  constructor(
    readonly config: DvcConfig,
    readonly options: PullOptions,
  ) {
    this.cache = new ObjectCache(config.cacheDir);
  }
  get jobs(): number {
    return this.options.jobs ?? 4;
  }
  remote = (): Remote => {
    this.#remote ??= openRemote(this.config, this.options.remote);
    return this.#remote;
  };
  counted(progress: PhaseProgress): (chunk: Buffer) => void {
    return (chunk) => {
      this.bytesDownloaded += chunk.length;
      progress.addBytes(chunk.length);
    };
  }
}

/** The files of every output, fetching directory listings that are not cached. */
async function listFiles(run: PullRun, outputs: readonly TrackedOutput[]) {
  const dirs = outputs.filter((o) => o.out.isDir).length;
  const listings = new PhaseProgress('listing', dirs, run.options.onProgress);
  const files: (FileObject & { pointerRel: string })[] = [];
  for (const output of outputs) {
    let entries: readonly DirEntry[] | undefined;
    if (output.out.isDir) {
      const listing = await loadListing(run.cache, output, run.remote, run.counted(listings));
      entries = listing?.entries;
      if (listing?.fetched) run.downloaded += 1;
      listings.finishOne();
    }
    for (const file of fileObjects(output, entries)) {
      files.push({ ...file, pointerRel: output.pointerRel });
    }
  }
  return files;
}

/** Verify what the cache has of `needed` and download (verified) the rest. */
async function fetchMissing(
  run: PullRun,
  needed: readonly ObjectRef[],
  estimate: (cachedBytes: number) => number | undefined,
): Promise<void> {
  const cached = await mapLimit(needed, run.jobs, (ref) => run.cache.verify(ref));
  const missing = needed.filter((_, index) => !cached[index]);
  const present = needed.filter((_, index) => cached[index]);
  const sizes = await mapLimit(present, run.jobs, (ref) => cachedSize(run.cache, ref));
  const totalBytes = estimate(sizes.reduce((sum, size) => sum + size, 0));
  const downloads = new PhaseProgress(
    'download',
    missing.length,
    run.options.onProgress,
    totalBytes,
  );
  await mapLimit(missing, run.jobs, async (ref) => {
    await run.cache.fetch(ref, run.remote(), run.counted(downloads));
    run.downloaded += 1;
    downloads.finishOne();
  });
}

/** Copy the verified cached objects over the pending workspace files. */
async function checkOut(run: PullRun, pending: readonly WorkspaceFile[]): Promise<void> {
  const sizes = await mapLimit(pending, run.jobs, (file) => cachedSize(run.cache, file.ref));
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
  const progress = new PhaseProgress(
    'checkout',
    pending.length,
    run.options.onProgress,
    totalBytes,
  );
  await mapLimit(pending, run.jobs, async (file) => {
    await copyFileAtomic(run.cache.path(file.ref), file.dest, {
      tempDir: workspaceTempDir(run.config.dvcDir),
      pauseStep: 'pull:checkout',
      onChunk: (chunk) => progress.addBytes(chunk.length),
    });
    progress.finishOne();
  });
}

/**
 * remote → cache → workspace. Every object is verified (md5 of the bytes) when downloaded,
 * and cached objects are re-verified, before anything is written to the workspace: a corrupt
 * object throws DvcObjectCorruptError (naming md5 and relpath) with the workspace untouched.
 * A workspace file that differs and whose contents are not in the cache (an edit) is not
 * replaced unless `force`: DvcWorkspaceConflictError, before any file object is downloaded.
 * Downloads are renamed into the cache from its temp folder; workspace files are copied (not
 * linked) through `.dvc/tmp/checkout` + rename, so an interrupted pull leaves nothing in
 * tracked folders, and temp files of interrupted runs (also those older versions left beside
 * the files) are removed first. Files that already
 * match are left alone; files not listed in a directory output are not deleted.
 */
export async function pull(options: PullOptions): Promise<PullResult> {
  const config = await readDvcConfig(options.root);
  await removeInterruptedTempFiles(config);
  const run = new PullRun(config, options);
  const outputs = await loadTrackedOutputs(config.root, options.pointer);
  const files = await listFiles(run, outputs);
  await removeLegacyWorkspaceTemps(files);
  const hashing = new PhaseProgress('hash', files.length, options.onProgress);
  const found = await inspectWorkspace(files, run.jobs, hashing);
  const pending = found.filter((file) => file.md5 !== file.ref.md5);
  const unsaved = await unsavedChanges(run.cache, pending);
  if (unsaved.length > 0 && options.force !== true) {
    throw new DvcWorkspaceConflictError(
      [...new Set(unsaved.map((file) => file.pointerRel))],
      unsaved.map((file) => file.ref.relpath),
    );
  }
  const matching = found.filter((file) => file.md5 === file.ref.md5);
  await fetchMissing(run, uniqueRefs(pending.map((file) => file.ref)), (cachedBytes) =>
    estimateDownloadBytes(outputs, matching, cachedBytes),
  );
  await checkOut(run, pending);
  return {
    downloaded: run.downloaded,
    bytesDownloaded: run.bytesDownloaded,
    checkedOut: pending.length,
    unchanged: matching.length,
    overwritten: unsaved.map((file) => file.ref.relpath),
  };
}
