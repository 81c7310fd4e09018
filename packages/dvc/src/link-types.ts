import { constants } from 'node:fs';
import { chmod, copyFile, link, rm, symlink, writeFile } from 'node:fs/promises';
import { tempPath } from './atomic-write';
import type { CacheLinkType } from './dvc-config';
import { DvcConfigError } from './errors';

/** Error codes meaning "this link type does not work here", not "this file failed". */
const UNSUPPORTED = new Set([
  'EXDEV',
  'ENOTSUP',
  'EOPNOTSUPP',
  'ENOSYS',
  'EINVAL',
  'EPERM',
  'ENOTTY',
]);

let newFileMode: number | undefined;

/** Mode of a workspace copy: what a new file gets (0o666 less the umask), never the cache's 0o444. */
export function modeOfNewFiles(): number {
  newFileMode ??= 0o666 & ~process.umask();
  return newFileMode;
}

async function makeLink(type: CacheLinkType, src: string, temp: string): Promise<void> {
  if (type === 'hardlink') return link(src, temp);
  if (type === 'symlink') return symlink(src, temp);
  await copyFile(src, temp, type === 'reflink' ? constants.COPYFILE_FICLONE_FORCE : 0);
  await chmod(temp, modeOfNewFiles());
}

/** Can `dir` hold a reflink (copy-on-write clone) of a file in `srcDir`? Tried on a 1-byte file. */
export async function reflinkWorks(srcDir: string, dir: string): Promise<boolean> {
  const src = tempPath(srcDir, 'reflink-probe');
  const dest = tempPath(dir, 'reflink-probe');
  try {
    await writeFile(src, 'x');
    await copyFile(src, dest, constants.COPYFILE_FICLONE_FORCE);
    return true;
  } catch {
    return false;
  } finally {
    await Promise.all([rm(src, { force: true }), rm(dest, { force: true })]);
  }
}

/**
 * Makes workspace files from cached objects with the first of `cache.type`'s link types that
 * works here, as DVC does: `reflink` (a clone: a copy sharing blocks until written), `copy`,
 * `hardlink` or `symlink` (then the workspace file is the read-only cache object). A type that
 * fails as unsupported (other filesystem, no reflinks) is not tried again in this run.
 */
export class Linker {
  readonly #broken = new Set<CacheLinkType>();
  constructor(
    readonly types: readonly CacheLinkType[],
    /** The config file named when no type works. */
    readonly configFile: string,
  ) {}

  /** Make `temp` (a new path) the workspace file of the cached object `src`. */
  async make(src: string, temp: string): Promise<CacheLinkType> {
    let last: unknown;
    for (const type of this.types) {
      if (this.#broken.has(type)) continue;
      try {
        await makeLink(type, src, temp);
        return type;
      } catch (error) {
        await rm(temp, { force: true });
        if (!UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
        this.#broken.add(type);
        last = error;
      }
    }
    throw new DvcConfigError(
      this.configFile,
      `cache.type: none of ${this.types.join(', ')} works for ${src} here (${(last as Error | undefined)?.message ?? 'all failed before'})`,
      { cause: last },
    );
  }

  /**
   * Is the type this run will use a plain copy (so a download may write the workspace copy in
   * the same pass)? `reflink` is probed with `canReflink` and skipped when it does not work.
   */
  async copiesFirst(canReflink: () => Promise<boolean>): Promise<boolean> {
    for (const type of this.types) {
      if (this.#broken.has(type)) continue;
      if (type === 'copy') return true;
      if (type !== 'reflink' || (await canReflink())) return false;
      this.#broken.add('reflink');
    }
    return false;
  }
}
