import { rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { withTempFile } from './atomic-write';
import { mapLimit } from './concurrency';
import { DirMaker } from './dir-maker';
import type { Linker } from './link-types';
import type { ObjectCache } from './object-cache';
import type { PhaseProgress } from './progress';
import { pauseAt } from './test-pause';
import type { FileObject } from './workspace-objects';

export interface CheckoutOptions {
  readonly cache: ObjectCache;
  /** Folder of the temp copies (`.dvc/tmp/checkout`), on the workspace's filesystem. */
  readonly tempDir: string;
  readonly jobs: number;
  /** Makes each workspace file from its cached object (`cache.type`). */
  readonly linker: Linker;
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
 * Put verified cached objects in place of workspace files: each made in `tempDir` by the
 * linker (by default a reflink where the filesystem has them, else a kernel copy, made
 * writable: never a link the user could edit the cache through), then renamed over the file,
 * so a file is either the old one or complete. Each folder is made once.
 */
export async function checkOutFiles(
  files: readonly FileObject[],
  options: CheckoutOptions,
): Promise<void> {
  const dirs = new DirMaker();
  await dirs.ensure(options.tempDir);
  await mapLimit(files, options.jobs, async (file) => {
    const temp = options.prepared.get(file.dest);
    if (temp !== undefined) {
      await dirs.ensure(dirname(file.dest));
      await pauseAt('pull:checkout');
      await rename(temp, file.dest);
      options.prepared.delete(file.dest);
    } else {
      await withTempFile(
        file.dest,
        (temp) => options.linker.make(options.cache.path(file.ref), temp),
        {
          tempDir: options.tempDir,
          pauseStep: 'pull:checkout',
          dirs,
        },
      );
    }
    options.progress.addBytes(options.sizes.get(options.cache.key(file.ref)) ?? 0);
    options.progress.finishOne();
  });
}
