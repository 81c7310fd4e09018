import type { Dirent } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { mapLimit } from './concurrency';
import { hashFile } from './hash-file';
import type { ObjectCache, ObjectRef } from './object-cache';
import type { PhaseProgress } from './progress';
import type { TrackedOutput } from './tracked-outputs';
import type { FileObject } from './workspace-objects';

/** A file a pointer lists, as the workspace holds it. */
export interface WorkspaceFile extends FileObject {
  /** The pointer listing it, relative to the root. */
  readonly pointerRel: string;
  /** md5 of the workspace file (hashed as `ref` requires); undefined when there is none. */
  readonly md5?: string;
  readonly size: number;
}

async function inspect(file: FileObject & { pointerRel: string }): Promise<WorkspaceFile> {
  try {
    const hashed = await hashFile(file.dest, file.ref.algorithm);
    return { ...file, md5: hashed.md5, size: hashed.size };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return { ...file, size: 0 };
    throw error;
  }
}

/**
 * Paths that may hold a workspace file of `outputs`: every non-folder entry under each directory
 * output (one readdir per folder, with file types, instead of an open per listed file) and each
 * file output's own path. A missing output folder holds nothing.
 */
export async function presentPaths(outputs: readonly TrackedOutput[]): Promise<Set<string>> {
  const present = new Set<string>();
  async function walk(dir: string): Promise<void> {
    let children: Dirent[];
    try {
      children = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      throw error;
    }
    await Promise.all(
      children.map((child) => {
        const abs = join(dir, child.name);
        if (child.isDirectory()) return walk(abs);
        present.add(abs);
        return undefined;
      }),
    );
  }
  for (const output of outputs) {
    if (output.out.isDir) await walk(output.abs);
    else present.add(output.abs);
  }
  return present;
}

/**
 * Hash the workspace copy of every file, `jobs` at a time; files not in `present` (see
 * `presentPaths`) are known to be missing and not opened.
 */
export function inspectWorkspace(
  files: readonly (FileObject & { pointerRel: string })[],
  jobs: number,
  progress: PhaseProgress,
  present?: ReadonlySet<string>,
): Promise<WorkspaceFile[]> {
  return mapLimit(files, jobs, async (file) => {
    const found =
      present === undefined || present.has(file.dest) ? await inspect(file) : { ...file, size: 0 };
    progress.finishOne();
    return found;
  });
}

/** Files that exist but differ and whose contents are not in the cache: replacing them loses them. */
export async function unsavedChanges(
  cache: ObjectCache,
  pending: readonly WorkspaceFile[],
): Promise<WorkspaceFile[]> {
  const changed = pending.filter((file) => file.md5 !== undefined);
  const saved = await Promise.all(
    changed.map((file) => cache.has({ ...file.ref, md5: file.md5 ?? file.ref.md5 })),
  );
  return changed.filter((_, index) => !saved[index]);
}

/** Size of the cached object, 0 when absent. */
export async function cachedSize(cache: ObjectCache, ref: ObjectRef): Promise<number> {
  try {
    return (await stat(cache.path(ref))).size;
  } catch {
    return 0;
  }
}

/**
 * Bytes still to download, estimated from the pointers' `size` fields: what the outputs hold,
 * minus the workspace files that already match, minus what the cache already has. Undefined
 * when an output has no size. (Duplicate files are downloaded once, so it may overestimate.)
 */
export function estimateDownloadBytes(
  outputs: readonly TrackedOutput[],
  matching: readonly WorkspaceFile[],
  cachedBytes: number,
): number | undefined {
  let total = 0;
  for (const output of outputs) {
    if (output.out.size === undefined) return undefined;
    total += output.out.size;
  }
  for (const file of matching) total -= file.size;
  return Math.max(0, total - cachedBytes);
}

/** `.<name>.<12 hex>.tmp`: what versions before `.dvc/tmp/checkout` left beside a file. */
const LEGACY_TEMP = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

/**
 * Remove the temp files that interrupted pulls of older versions left inside tracked folders
 * (`data/.sales.csv.0123456789ab.tmp`), which `status` would list as added and `add` would
 * version. Only names made from a file the pointer lists, beside it, are removed.
 */
export async function removeLegacyWorkspaceTemps(files: readonly FileObject[]): Promise<string[]> {
  const names = new Map<string, Set<string>>();
  for (const file of files) {
    const dir = dirname(file.dest);
    const set = names.get(dir) ?? new Set<string>();
    set.add(basename(file.dest));
    names.set(dir, set);
  }
  const removed: string[] = [];
  for (const [dir, listed] of names) {
    const entries = await readdir(dir).catch(() => [] as string[]);
    for (const entry of entries) {
      const name = LEGACY_TEMP.exec(entry)?.[1];
      if (name === undefined || !listed.has(name)) continue;
      await rm(join(dir, entry), { force: true });
      removed.push(join(dir, entry));
    }
  }
  return removed;
}
