import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';

/**
 * How an object's md5 is computed.
 * - `md5`: DVC 3. md5 of the raw bytes.
 * - `md5-dos2unix`: DVC 2 (legacy). The file is read in 1 MiB blocks; a block whose first
 *   512 bytes look like text has every CRLF replaced by LF before hashing (dvc-data
 *   `hashfile/hash.py`, `Dos2UnixHashStreamFile`, and `hashfile/istextfile.py`, `istextblock`).
 */
export type HashAlgorithm = 'md5' | 'md5-dos2unix';

/** md5 and byte count of one file. */
export interface FileHash {
  readonly md5: string;
  readonly size: number;
}

/** Incremental hasher: feed chunks of any size, read the hex md5 at the end. */
export interface ObjectHasher {
  update(chunk: Uint8Array): void;
  /** Hex md5; call once, after the last `update`. */
  digest(): string;
  /** Raw bytes fed so far. */
  readonly size: number;
}

const LEGACY_BLOCK_SIZE = 2 ** 20;
const TEXT_SNIFF_SIZE = 512;
const CR = 0x0d;
const LF = 0x0a;

/** DVC 2's text heuristic: no NUL byte and at most 30 % of bytes outside printable ASCII + \n\r\t\f\b. */
export function isTextBlock(block: Uint8Array): boolean {
  if (block.length === 0) return true;
  let nonText = 0;
  for (const byte of block) {
    if (byte === 0) return false;
    const printable = byte >= 32 && byte < 127;
    const whitespace =
      byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x08;
    if (!printable && !whitespace) nonText += 1;
  }
  return nonText / block.length <= 0.3;
}

/** Every CRLF of `block` replaced by LF (a CR at the very end of the block is kept, as in DVC 2). */
export function dos2unix(block: Buffer): Buffer {
  let from = 0;
  let at = block.indexOf(CR, from);
  if (at === -1) return block;
  const parts: Buffer[] = [];
  while (at !== -1) {
    if (block[at + 1] === LF) {
      parts.push(block.subarray(from, at));
      from = at + 1;
    }
    at = block.indexOf(CR, at + 1);
  }
  parts.push(block.subarray(from));
  return Buffer.concat(parts);
}

class RawMd5Hasher implements ObjectHasher {
  readonly #hash: Hash = createHash('md5');
  size = 0;
  update(chunk: Uint8Array): void {
    this.#hash.update(chunk);
    this.size += chunk.length;
  }
  digest(): string {
    return this.#hash.digest('hex');
  }
}

/** Re-chunks the input into DVC 2's 1 MiB blocks so block-local text detection matches exactly. */
class Dos2UnixMd5Hasher implements ObjectHasher {
  readonly #hash: Hash = createHash('md5');
  readonly #block = Buffer.alloc(LEGACY_BLOCK_SIZE);
  #filled = 0;
  size = 0;
  update(chunk: Uint8Array): void {
    this.size += chunk.length;
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(LEGACY_BLOCK_SIZE - this.#filled, chunk.length - offset);
      this.#block.set(chunk.subarray(offset, offset + take), this.#filled);
      this.#filled += take;
      offset += take;
      if (this.#filled === LEGACY_BLOCK_SIZE) this.#flush();
    }
  }
  #flush(): void {
    const block = this.#block.subarray(0, this.#filled);
    const text = isTextBlock(block.subarray(0, TEXT_SNIFF_SIZE));
    this.#hash.update(text ? dos2unix(block) : block);
    this.#filled = 0;
  }
  digest(): string {
    if (this.#filled > 0) this.#flush();
    return this.#hash.digest('hex');
  }
}

/** A fresh incremental hasher for `algorithm`. */
export function createObjectHasher(algorithm: HashAlgorithm = 'md5'): ObjectHasher {
  return algorithm === 'md5' ? new RawMd5Hasher() : new Dos2UnixMd5Hasher();
}

/** md5 of in-memory bytes. */
export function hashBytes(bytes: Uint8Array, algorithm: HashAlgorithm = 'md5'): string {
  const hasher = createObjectHasher(algorithm);
  hasher.update(bytes);
  return hasher.digest();
}

/**
 * Show every byte of the file at `path` to `onChunk`, in order: in one read up to 1 MiB, else
 * in 1 MiB reads, the next in flight while `onChunk` runs on the current one (two reused
 * buffers: memory stays flat whatever the size; a chunk is only valid during its call).
 */
export async function readChunks(path: string, onChunk: (chunk: Buffer) => void): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size <= LEGACY_BLOCK_SIZE) {
      onChunk(await handle.readFile());
      return;
    }
    const buffers = [Buffer.allocUnsafe(LEGACY_BLOCK_SIZE), Buffer.allocUnsafe(LEGACY_BLOCK_SIZE)];
    let position = 0;
    let reading = handle.read(buffers[0] as Buffer, 0, LEGACY_BLOCK_SIZE, 0);
    try {
      for (let slot = 0; ; slot = 1 - slot) {
        const { bytesRead, buffer } = await reading;
        if (bytesRead === 0) return;
        position += bytesRead;
        reading = handle.read(buffers[1 - slot] as Buffer, 0, LEGACY_BLOCK_SIZE, position);
        onChunk(buffer.subarray(0, bytesRead));
      }
    } finally {
      await reading.catch(() => undefined);
    }
  } finally {
    await handle.close();
  }
}

/**
 * md5 and size of a file, read in 1 MiB blocks (never loads the whole file).
 * `md5` by default (DVC 3); `md5-dos2unix` reproduces DVC 2 hashes for legacy pointers.
 */
export async function hashFile(path: string, algorithm: HashAlgorithm = 'md5'): Promise<FileHash> {
  const hasher = createObjectHasher(algorithm);
  await readChunks(path, (chunk) => hasher.update(chunk));
  return { md5: hasher.digest(), size: hasher.size };
}
