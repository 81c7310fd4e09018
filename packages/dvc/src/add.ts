import { stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { removeInterruptedTempFiles } from './cache-layout';
import { hashDirectory } from './directory-object';
import { readDvcConfig } from './dvc-config';
import { DvcOverlappingOutputError, DvcPointerError } from './errors';
import { ensureGitignored } from './gitignore-entry';
import { hashFile } from './hash-file';
import { ObjectCache } from './object-cache';
import { writePointer } from './pointer-file';
import { loadTrackedOutputs, toRootRelative } from './tracked-outputs';

export interface AddOptions {
  readonly root: string;
  /** File or directory to track, relative to root (or absolute, inside root). */
  readonly target: string;
}

export interface AddResult {
  /** Written pointer file, absolute (`<target>.dvc` beside the target). */
  readonly pointerFile: string;
  readonly md5: string;
  readonly size: number;
  /** Directories only. */
  readonly nfiles?: number;
  /** Objects newly copied into the cache (files plus the `.dir` listing). */
  readonly stored: number;
  /** Whether `/<name>` was added to the `.gitignore` beside the target. */
  readonly gitignoreUpdated: boolean;
}

/**
 * Throw DvcOverlappingOutputError when `relpath` is, is inside, or holds an output of another
 * pointer (re-adding the output of `pointerFile` itself is an update, not an overlap).
 */
async function refuseOverlap(root: string, pointerFile: string, relpath: string): Promise<void> {
  const ownPointer = toRootRelative(root, pointerFile);
  for (const output of await loadTrackedOutputs(root)) {
    const tracked = output.relpath;
    if (output.pointerRel === ownPointer && tracked === relpath) continue;
    if (
      tracked === relpath ||
      relpath.startsWith(`${tracked}/`) ||
      tracked.startsWith(`${relpath}/`)
    ) {
      const index = output.pointer.outs.indexOf(output.out);
      throw new DvcOverlappingOutputError(output.pointerRel, index, tracked, relpath);
    }
  }
}

/**
 * Track a file or directory, as `dvc add` does: hash it (DVC 3 md5 of raw bytes), copy its
 * objects and, for a directory, its `.dir` listing into the cache, write `<target>.dvc` next
 * to it and add `/<name>` to the `.gitignore` beside it. A path inside (or holding) an output
 * another pointer tracks is refused with DvcOverlappingOutputError before anything is written.
 */
export async function add(options: AddOptions): Promise<AddResult> {
  const config = await readDvcConfig(options.root);
  await removeInterruptedTempFiles(config);
  const abs = resolve(config.root, options.target);
  const name = basename(abs);
  const pointerFile = join(dirname(abs), `${name}.dvc`);
  const rel = relative(config.root, abs);
  if (rel === '' || rel.startsWith('..') || resolve(config.root, rel) !== abs) {
    throw new DvcPointerError(pointerFile, 'outs[0].path', `target must be inside ${config.root}`);
  }
  await refuseOverlap(config.root, pointerFile, toRootRelative(config.root, abs));
  const info = await stat(abs);
  const cache = new ObjectCache(config.cacheDir);
  const relpath = toRootRelative(config.root, abs);
  let stored = 0;
  let result: { md5: string; size: number; nfiles?: number };
  if (info.isDirectory()) {
    const hashed = await hashDirectory(abs);
    for (const entry of hashed.entries) {
      const ref = {
        md5: entry.md5,
        relpath: `${relpath}/${entry.relpath}`,
        algorithm: 'md5' as const,
      };
      if (await cache.store(ref, join(abs, ...entry.relpath.split('/')))) stored += 1;
    }
    const listing = { md5: hashed.md5, relpath, algorithm: 'md5' as const };
    if (await cache.storeBytes(listing, hashed.listing)) stored += 1;
    result = { md5: hashed.md5, size: hashed.size, nfiles: hashed.nfiles };
  } else {
    const hashed = await hashFile(abs);
    if (await cache.store({ md5: hashed.md5, relpath, algorithm: 'md5' }, abs)) stored += 1;
    result = { md5: hashed.md5, size: hashed.size };
  }
  await writePointer(pointerFile, [{ ...result, path: name }]);
  const gitignoreUpdated = await ensureGitignored(dirname(abs), name);
  return { pointerFile, ...result, stored, gitignoreUpdated };
}
