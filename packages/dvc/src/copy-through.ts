import type { FileHandle } from 'node:fs/promises';
import { open, writeFile } from 'node:fs/promises';

/** Read size, and the largest file read and written in one piece. */
export const CHUNK_BYTES = 2 ** 20;
/** Buffers in rotation: one being read, one being shown to the listener, one being written. */
const BUFFERS = 3;

/** `promise`, marked as handled so that a failure while nobody awaits it yet is no crash. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

async function writeAll(out: FileHandle, chunk: Buffer, position: number): Promise<void> {
  let written = 0;
  while (written < chunk.length) {
    const { bytesWritten } = await out.write(
      chunk,
      written,
      chunk.length - written,
      position + written,
    );
    written += bytesWritten;
  }
}

/**
 * Copy the open file `src` to each new file of `dests` at once, showing every chunk to `onChunk`
 * (hashing, progress) before it is written, so what the listener saw is exactly what each holds.
 * A file up to 1 MiB is read and written in one piece; a larger one in 1 MiB chunks with the
 * read of the next chunk and the write of the previous one in flight while the listener runs,
 * in three reused buffers (memory stays flat whatever the size). A chunk is only valid during
 * the `onChunk` call. Returns the bytes copied.
 */
export async function copyThrough(
  src: FileHandle,
  dests: readonly string[],
  onChunk?: (chunk: Buffer) => void,
): Promise<number> {
  const { size } = await src.stat();
  if (size <= CHUNK_BYTES) {
    const bytes = await src.readFile();
    onChunk?.(bytes);
    await Promise.all(dests.map((dest) => writeFile(dest, bytes)));
    return bytes.length;
  }
  const outs: FileHandle[] = [];
  try {
    for (const dest of dests) outs.push(await open(dest, 'w'));
    return await copyChunks(src, outs, onChunk);
  } finally {
    await Promise.allSettled(outs.map((out) => out.close()));
  }
}

/** The chunked loop of `copyThrough`: one read ahead, the writes of up to two chunks behind. */
async function copyChunks(
  src: FileHandle,
  outs: readonly FileHandle[],
  onChunk?: (chunk: Buffer) => void,
): Promise<number> {
  const buffers = Array.from({ length: BUFFERS }, () => Buffer.allocUnsafe(CHUNK_BYTES));
  const writes: Promise<void>[] = [];
  let reading = handled(src.read(buffers[0] as Buffer, 0, CHUNK_BYTES, 0));
  let position = 0;
  try {
    for (let slot = 0; ; slot = (slot + 1) % BUFFERS) {
      const { bytesRead, buffer } = await reading;
      if (bytesRead === 0) break;
      const next = (slot + 1) % BUFFERS;
      await writes[next];
      reading = handled(src.read(buffers[next] as Buffer, 0, CHUNK_BYTES, position + bytesRead));
      const chunk = buffer.subarray(0, bytesRead);
      onChunk?.(chunk);
      const at = position;
      writes[slot] = handled(
        Promise.all(outs.map((out) => writeAll(out, chunk, at))).then(() => {}),
      );
      position += bytesRead;
    }
    await Promise.all(writes);
  } finally {
    await Promise.allSettled([reading, ...writes]);
  }
  return position;
}
