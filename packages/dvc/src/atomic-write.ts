import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { tapStream } from './tap-stream';

/**
 * Atomic file writes: bytes go to a temporary file in the destination's folder (same
 * filesystem), which is renamed over the destination only once complete. A crash leaves at
 * most a stray `.<name>.<hex>.tmp`, never a half-written destination.
 */

/** A fresh temporary path in `dir`, named after `name`. */
export function tempPath(dir: string, name: string): string {
  return join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Run `write(temp)`, then rename `temp` onto `dest`; the temp file is removed on failure. */
export async function withTempFile<T>(
  dest: string,
  write: (temp: string) => Promise<T>,
  options: { tempDir?: string; mode?: number } = {},
): Promise<T> {
  const dir = options.tempDir ?? dirname(dest);
  await mkdir(dir, { recursive: true });
  await mkdir(dirname(dest), { recursive: true });
  const temp = tempPath(dir, basename(dest));
  try {
    const result = await write(temp);
    if (options.mode !== undefined) await chmod(temp, options.mode);
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
  options: { tempDir?: string; mode?: number; onChunk?: (chunk: Buffer) => void } = {},
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
