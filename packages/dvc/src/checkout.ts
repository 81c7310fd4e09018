import { constants } from 'node:fs';
import { copyFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { withTempFile } from './atomic-write';
import { mapLimit } from './concurrency';
import { DirMaker } from './dir-maker';
import type { ObjectCache } from './object-cache';
import type { PhaseProgress } from './progress';
import { pauseAt } from './test-pause';
import type { FileObject } from './workspace-objects';

let workspaceMode: number | undefined;

/** Mode of a workspace file: what a newly created file gets (0o666 less the umask), never the cache's 0o444. */
function modeOfNewFiles(): number {
  workspaceMode ??= 0o666 & ~process.umask();
  return workspaceMode;
}

export interface CheckoutOptions {
  readonly cache: ObjectCache;
  /** Folder of the temp copies (`.dvc/tmp/checkout`), on the workspace's filesystem. */
  readonly tempDir: string;
  readonly jobs: number;
  readonly progress: PhaseProgress;
  /**
   * Workspace files whose verified copy is already in `tempDir` (written while downloading), by
   * destination: renamed into place instead of copied; each entry is removed once renamed.
   */
  readonly prepared: Map<string, string>;
  /** Byte size of each object by cache key, for progress (0 when unknown). */
  readonly sizes: ReadonlyMap<string, number>;
}

/**
 * Copy verified cached objects over workspace files: each a copy (`copyFile` with
 * COPYFILE_FICLONE: a reflink where the filesystem has them, a kernel copy otherwise, never a
 * link the user could edit the cache through) into `tempDir`, made writable, then renamed over
 * the file, so a file is either the old one or complete. Each folder is made once.
 */
export async function checkOutFiles(
  files: readonly FileObject[],
  options: CheckoutOptions,
): Promise<void> {
  const dirs = new DirMaker();
  await dirs.ensure(options.tempDir);
  await Promise.all(
    [...new Set(files.map((file) => dirname(file.dest)))].map((d) => dirs.ensure(d)),
  );
  await mapLimit(files, options.jobs, async (file) => {
    const temp = options.prepared.get(file.dest);
    if (temp !== undefined) {
      await pauseAt('pull:checkout');
      await rename(temp, file.dest);
      options.prepared.delete(file.dest);
    } else {
      await copyIntoPlace(options.cache.path(file.ref), file.dest, options.tempDir, dirs);
    }
    options.progress.addBytes(options.sizes.get(options.cache.key(file.ref)) ?? 0);
    options.progress.finishOne();
  });
}

/** `src` copied to a temp file in `tempDir`, made writable, renamed to `dest`. */
function copyIntoPlace(src: string, dest: string, tempDir: string, dirs: DirMaker): Promise<void> {
  return withTempFile(dest, (temp) => copyFile(src, temp, constants.COPYFILE_FICLONE), {
    tempDir,
    mode: modeOfNewFiles(),
    pauseStep: 'pull:checkout',
    dirs,
  });
}
