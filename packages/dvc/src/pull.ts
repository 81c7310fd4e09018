import { mkdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { tempPath } from './atomic-write';
import { checkCache } from './cache-check';
import { cacheTempDir, removeInterruptedTempFiles, workspaceTempDir } from './cache-layout';
import { checkOutFiles } from './checkout';
import {
  estimateDownloadBytes,
  inspectWorkspace,
  presentPaths,
  removeLegacyWorkspaceTemps,
  unsavedChanges,
  type WorkspaceFile,
} from './checkout-plan';
import { mapLimit } from './concurrency';
import type { DirEntry } from './directory-object';
import { type DvcConfig, readDvcConfig } from './dvc-config';
import { DvcWorkspaceConflictError } from './errors';
import { Linker, reflinkWorks } from './link-types';
import { ObjectCache } from './object-cache';
import { TrustedObjects } from './object-state';
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
  /** Parallel transfers, hashes and copies (default 8). */
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

/** Parallel file operations: enough to keep libuv's 4 threads busy while hashing runs on the main one. */
const DEFAULT_JOBS = 8;

/** One pull: the cache, the remote (opened when first needed) and the bytes downloaded. */
class PullRun {
  readonly cache: ObjectCache;
  readonly linker: Linker;
  downloaded = 0;
  bytesDownloaded = 0;
  /** Byte size of every verified object by cache key. */
  readonly sizes = new Map<string, number>();
  /** Workspace files (absolute) whose verified copy was written while downloading, to its temp path. */
  readonly prepared = new Map<string, string>();
  #remote: Remote | undefined;
  constructor(
    readonly config: DvcConfig,
    readonly options: PullOptions,
    readonly trusted: TrustedObjects,
  ) {
    this.cache = new ObjectCache(config.cacheDir);
    this.linker = new Linker(config.cacheTypes, config.files[0] ?? join(config.dvcDir, 'config'));
  }
  get tempDir(): string {
    return workspaceTempDir(this.config.dvcDir);
  }
  get jobs(): number {
    return this.options.jobs ?? DEFAULT_JOBS;
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

/**
 * For each object, the first pending workspace file it becomes, when the remote can write it
 * there while downloading (local remotes) and the checkout would be a plain copy: the object
 * is then written to the cache and, in the same pass, to a temp copy in `.dvc/tmp/checkout`
 * (the bytes that were hashed, or a kernel copy of the hashed cache temp file).
 */
async function copyTargets(
  run: PullRun,
  pending: readonly WorkspaceFile[],
): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  if (run.remote().downloadTo === undefined) return targets;
  await mkdir(run.tempDir, { recursive: true });
  const cacheTemp = cacheTempDir(run.config.cacheDir);
  await mkdir(cacheTemp, { recursive: true });
  if (!(await run.linker.copiesFirst(() => reflinkWorks(cacheTemp, run.tempDir)))) return targets;
  for (const file of pending) {
    const key = run.cache.key(file.ref);
    if (!targets.has(key)) targets.set(key, file.dest);
  }
  return targets;
}

/**
 * Check what the cache has of `needed` (objects verified before and unchanged since are
 * trusted, others hashed) and download the rest, verified while written; the state of
 * verified objects is saved even when a download fails.
 */
async function fetchMissing(
  run: PullRun,
  pending: readonly WorkspaceFile[],
  estimate: (cachedBytes: number) => number | undefined,
): Promise<void> {
  const needed = uniqueRefs(pending.map((file) => file.ref));
  try {
    const { missing, sizes } = await checkCache(run.cache, run.trusted, needed, run.jobs);
    let cachedBytes = 0;
    for (const [key, size] of sizes) {
      run.sizes.set(key, size);
      cachedBytes += size;
    }
    const progress = new PhaseProgress(
      'download',
      missing.length,
      run.options.onProgress,
      estimate(cachedBytes),
    );
    // The remote is opened only when something is missing (a cache alone is enough otherwise).
    const copyTo =
      missing.length === 0 ? new Map<string, string>() : await copyTargets(run, pending);
    await mapLimit(missing, run.jobs, async (ref) => {
      const key = run.cache.key(ref);
      const dest = copyTo.get(key);
      const temp = dest === undefined ? undefined : tempPath(run.tempDir, basename(dest));
      try {
        const { size, copied } = await run.cache.fetch(
          ref,
          run.remote(),
          run.counted(progress),
          temp,
        );
        run.sizes.set(key, size);
        if (copied && dest !== undefined && temp !== undefined) run.prepared.set(dest, temp);
      } catch (error) {
        if (temp !== undefined) await rm(temp, { force: true });
        throw error;
      }
      run.trusted.trust(key, await stat(run.cache.path(ref), { bigint: true }));
      run.downloaded += 1;
      progress.finishOne();
    });
  } finally {
    await run.trusted.save();
  }
}

/** Copy the verified cached objects over the pending workspace files. */
async function checkOut(run: PullRun, pending: readonly WorkspaceFile[]): Promise<void> {
  let totalBytes = 0;
  for (const file of pending) totalBytes += run.sizes.get(run.cache.key(file.ref)) ?? 0;
  const progress = new PhaseProgress(
    'checkout',
    pending.length,
    run.options.onProgress,
    totalBytes,
  );
  await checkOutFiles(pending, {
    cache: run.cache,
    tempDir: run.tempDir,
    linker: run.linker,
    prepared: run.prepared,
    jobs: run.jobs,
    progress,
    sizes: run.sizes,
  });
}

/**
 * remote → cache → workspace. Every object is verified (md5 of the bytes, hashed once, as
 * they are written) when downloaded, and a cached object is verified unless this repository
 * verified it before and it is unchanged since (same inode, size, mtime, ctime:
 * `.dvc/tmp/object-state.json`, as DVC's state database), before anything is written to the
 * workspace: a corrupt object throws DvcObjectCorruptError (naming md5 and relpath) with the
 * workspace untouched; a corrupt cached object is deleted and downloaded again.
 * A workspace file that differs and whose contents are not in the cache (an edit) is not
 * replaced unless `force`: DvcWorkspaceConflictError, before any file object is downloaded.
 * Downloads are renamed into the cache from its temp folder. Workspace files are made in
 * `.dvc/tmp/checkout` and renamed into place only once every download is verified: by default
 * a reflink or a copy (a local remote writes the copy in the same pass as the cache object),
 * a hardlink or symlink only when `cache.type` asks for it. An interrupted pull leaves nothing
 * in tracked folders, and temp files of interrupted runs (also those older versions left
 * beside the files) are removed first. Files that already match are left alone; files not
 * listed in a directory output are not deleted.
 */
export async function pull(options: PullOptions): Promise<PullResult> {
  const config = await readDvcConfig(options.root);
  await removeInterruptedTempFiles(config);
  const trusted = await TrustedObjects.load(config.dvcDir, config.cacheDir);
  const run = new PullRun(config, options, trusted);
  const outputs = await loadTrackedOutputs(config.root, options.pointer);
  const files = await listFiles(run, outputs);
  await removeLegacyWorkspaceTemps(files);
  const hashing = new PhaseProgress('hash', files.length, options.onProgress);
  const found = await inspectWorkspace(files, run.jobs, hashing, await presentPaths(outputs));
  const pending = found.filter((file) => file.md5 !== file.ref.md5);
  const unsaved = await unsavedChanges(run.cache, pending);
  if (unsaved.length > 0 && options.force !== true) {
    throw new DvcWorkspaceConflictError(
      [...new Set(unsaved.map((file) => file.pointerRel))],
      unsaved.map((file) => file.ref.relpath),
    );
  }
  const matching = found.filter((file) => file.md5 === file.ref.md5);
  try {
    await fetchMissing(run, pending, (cachedBytes) =>
      estimateDownloadBytes(outputs, matching, cachedBytes),
    );
    await checkOut(run, pending);
  } finally {
    await Promise.all([...run.prepared.values()].map((temp) => rm(temp, { force: true })));
  }
  return {
    downloaded: run.downloaded,
    bytesDownloaded: run.bytesDownloaded,
    checkedOut: pending.length,
    unchanged: matching.length,
    overwritten: unsaved.map((file) => file.ref.relpath),
  };
}
