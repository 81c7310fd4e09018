import { rmdir } from 'node:fs/promises';
import { dirname, relative } from 'node:path';

/**
 * Removes `dir` and its parents up to `firstCreated` (the first directory a recursive mkdir
 * made), each only if empty, so a failed operation leaves no directories it created.
 */
export async function removeEmptyDirs(
  dir: string,
  firstCreated: string | undefined,
): Promise<void> {
  if (firstCreated === undefined) return;
  let current = dir;
  while (!relative(firstCreated, current).startsWith('..')) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
    if (current === firstCreated) return;
    current = dirname(current);
  }
}
