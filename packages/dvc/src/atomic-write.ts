import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DirMaker } from './dir-maker';
import { tapStream } from './tap-stream';
import { type PauseStep, pauseAt } from './test-pause';

/**
 * Atomic file writes: bytes go to a temporary file (in the destination's folder, or in a
 * `tempDir` on the same filesystem), which is renamed over the destination only once complete.
 * A crash leaves at most a stray `.<name>.<pid>@<host>-<hex>.tmp`, never a half-written destination;
 * `removeStaleTempFiles` deletes those of processes that are gone.
 */

/**
 * `.<name>.<pid>@<host>-<12 hex>.tmp`; older versions wrote `.<name>.<12 hex>.tmp` (no pid).
 * The host matters for caches shared between machines: another host's pid cannot be checked.
 */
const TEMP_NAME = /^\..+\.(?:(\d+)@([A-Za-z0-9_]+)-)?[0-9a-f]{12}\.tmp$/;

/** This machine's name as temp file names carry it. */
const HOST = hostname().replace(/[^A-Za-z0-9]/g, '_') || 'host';

/** Temp files of live processes older than this are removed too (the pid may be reused). */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
/** Temp files without a pid (older versions) are removed once this old. */
const STALE_WITHOUT_PID_AFTER_MS = 60 * 60 * 1000;

/** A fresh temporary path in `dir`, named after `name` and this process. */
export function tempPath(dir: string, name: string): string {
  return join(dir, `.${name}.${process.pid}@${HOST}-${randomBytes(6).toString('hex')}.tmp`);
}

export interface TempFileOptions {
  /** Folder for the temporary file (default: the destination's folder); same filesystem. */
  readonly tempDir?: string;
  readonly mode?: number;
  /** Where `MLOPS_TEST_PAUSE_AT` may stop, with the temp file complete and not yet renamed. */
  readonly pauseStep?: PauseStep;
  /** Makes each folder once per run (default: `mkdir -p` of both folders on every call). */
  readonly dirs?: DirMaker;
}

/** Run `write(temp)`, then rename `temp` onto `dest`; the temp file is removed on failure. */
export async function withTempFile<T>(
  dest: string,
  write: (temp: string) => Promise<T>,
  options: TempFileOptions = {},
): Promise<T> {
  const dir = options.tempDir ?? dirname(dest);
  const ensure = (folder: string) =>
    options.dirs ? options.dirs.ensure(folder) : mkdir(folder, { recursive: true });
  await ensure(dir);
  const temp = tempPath(dir, basename(dest));
  try {
    const result = await write(temp);
    // Only now: a write that fails leaves no new folder behind either.
    await ensure(dirname(dest));
    if (options.mode !== undefined) await chmod(temp, options.mode);
    if (options.pauseStep !== undefined) await pauseAt(options.pauseStep);
    await rename(temp, dest);
    return result;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Write `data` to `path` atomically. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await withTempFile(path, (temp) => writeFile(temp, data));
}

/**
 * Copy `src` to `dest` atomically, streaming; `onChunk` sees every chunk (for hashing or
 * progress) before it is written.
 */
export async function copyFileAtomic(
  src: string,
  dest: string,
  options: TempFileOptions & { onChunk?: (chunk: Buffer) => void } = {},
): Promise<void> {
  await withTempFile(
    dest,
    async (temp) => {
      await pipeline(
        createReadStream(src, { highWaterMark: 2 ** 20 }),
        tapStream(options.onChunk),
        createWriteStream(temp),
      );
    },
    options,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Milliseconds since `path` was last modified; undefined when it is gone. */
async function ageMs(path: string): Promise<number | undefined> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Delete the temp files in `dir` (not below it) that an interrupted run left: those whose pid
 * is not a running process on this host, any older than a day (pids are reused; other hosts'
 * processes cannot be checked), and those without a pid (older versions) once an hour old.
 * A missing `dir` is fine. Returns the paths removed.
 */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (match === null) continue;
    const path = join(dir, name);
    const pid = match[1] === undefined ? undefined : Number(match[1]);
    const checkable = pid !== undefined && match[2] === HOST && pid !== process.pid;
    if (!checkable || isAlive(pid)) {
      const age = await ageMs(path);
      const limit = pid === undefined ? STALE_WITHOUT_PID_AFTER_MS : STALE_AFTER_MS;
      if (age === undefined || age < limit) continue;
    }
    await rm(path, { force: true });
    removed.push(path);
  }
  return removed;
}
