import { chmod, copyFile, open, writeFile } from 'node:fs/promises';
import { readChunks } from './hash-file';
import { modeOfNewFiles } from './link-types';

/** The largest file read and written in one piece. */
export const CHUNK_BYTES = 2 ** 20;

/**
 * Copy the file `src` to each new file of `dests`, showing every byte of the first copy to
 * `onChunk` (hashing, progress), so what the listener saw is exactly what `dests[0]` holds.
 * A file up to 1 MiB is read once and its bytes written to each destination. A larger one is
 * copied by the kernel (`copyFile`), then read back from `dests[0]` in 1 MiB chunks for the
 * listener while the kernel copies `dests[0]` to the other destinations (made writable, as new
 * files are, whatever the mode of `src`): measured faster here
 * than writing the chunks from JavaScript while they are hashed (decision 0008), and memory
 * stays flat whatever the size. A chunk is only valid during its `onChunk` call.
 * Returns the bytes copied, or undefined when `src` does not exist.
 */
export async function copyThrough(
  src: string,
  dests: readonly string[],
  onChunk?: (chunk: Buffer) => void,
): Promise<number | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(src, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size <= CHUNK_BYTES) {
      const bytes = await handle.readFile();
      onChunk?.(bytes);
      await Promise.all(dests.map((dest) => writeFile(dest, bytes)));
      return bytes.length;
    }
  } finally {
    await handle.close();
  }
  const [first, ...others] = dests;
  if (first === undefined) return 0;
  await copyFile(src, first);
  let copied = 0;
  await Promise.all([
    readChunks(first, (chunk) => {
      copied += chunk.length;
      onChunk?.(chunk);
    }),
    ...others.map(async (dest) => {
      await copyFile(first, dest);
      await chmod(dest, modeOfNewFiles());
    }),
  ]);
  return copied;
}
