import { readdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { type Pointer, type PointerOutput, readPointer } from './pointer-file';

/** One output of one pointer file, located in the workspace. */
export interface TrackedOutput {
  readonly pointer: Pointer;
  /** Pointer file, relative to the root, `/`-separated. */
  readonly pointerRel: string;
  readonly out: PointerOutput;
  /** Output path relative to the root, `/`-separated (e.g. `data` or `models/data`). */
  readonly relpath: string;
  /** Absolute output path. */
  readonly abs: string;
}

/** Folders never searched for pointer files. */
const SKIPPED_DIRS = new Set(['.git', '.dvc', 'node_modules']);

/** `/`-separated path of `abs` relative to `root`. */
export function toRootRelative(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

/** Every `*.dvc` pointer file under `root` (skipping .git, .dvc, node_modules), sorted. */
export async function findPointerFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    const children = await readdir(dir, { withFileTypes: true });
    for (const child of children) {
      const abs = join(dir, child.name);
      if (child.isDirectory()) {
        if (!SKIPPED_DIRS.has(child.name)) await walk(abs);
      } else if (child.isFile() && child.name.endsWith('.dvc')) {
        found.push(abs);
      }
    }
  }
  await walk(root);
  return found.sort();
}

/**
 * The outputs of `pointer` (a path relative to `root`, or absolute), or of every pointer file
 * under `root` when omitted.
 */
export async function loadTrackedOutputs(root: string, pointer?: string): Promise<TrackedOutput[]> {
  const absRoot = resolve(root);
  const files =
    pointer === undefined
      ? await findPointerFiles(absRoot)
      : [isAbsolute(pointer) ? pointer : join(absRoot, pointer)];
  const outputs: TrackedOutput[] = [];
  for (const file of files) {
    const parsed = await readPointer(file);
    for (const out of parsed.outs) {
      const abs = resolve(dirname(file), out.path);
      outputs.push({
        pointer: parsed,
        pointerRel: toRootRelative(absRoot, file),
        out,
        relpath: toRootRelative(absRoot, abs),
        abs,
      });
    }
  }
  return outputs;
}
