import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isWriterGone, thisHost } from './process-alive';

/** Every staging folder of a publish starts with this, in the model's folder. */
export const STAGING_PREFIX = '.publish-';

/** `.publish-<host>-<pid>-<random>`: who is writing it, so a later run can tell if it is stale. */
const STAGING_PATTERN = /^\.publish-(.+)-(\d+)-[^-]+$/;

/** Creates this process's staging folder in `modelDir`: `.publish-<host>-<pid>-XXXXXX`. */
export function makeStagingDir(modelDir: string): Promise<string> {
  return mkdtemp(join(modelDir, `${STAGING_PREFIX}${thisHost()}-${process.pid}-`));
}

/**
 * Removes the staging folders in `modelDir` that an interrupted publish left: those of a dead
 * process on this host, and any older than `staleMs` (another host's, or of an older naming).
 * A live writer's folder is kept. Returns the names removed.
 */
export async function removeStaleStaging(modelDir: string, staleMs: number): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(modelDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of entries.filter((entry) => entry.startsWith(STAGING_PREFIX))) {
    const path = join(modelDir, name);
    const since = await stat(path).then(
      (s) => s.mtimeMs,
      () => undefined,
    );
    if (since === undefined) continue;
    const match = STAGING_PATTERN.exec(name);
    const writer = { host: match?.[1] ?? '', pid: Number(match?.[2] ?? -1), since };
    if (!isWriterGone(writer, staleMs)) continue;
    await rm(path, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
