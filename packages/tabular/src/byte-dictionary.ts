/** The byte strings of a dictionary's levels in code order: `bytes[starts[k], starts[k + 1])`. */
export interface DictionaryKeys {
  readonly bytes: Uint8Array;
  readonly starts: Int32Array;
}

/** FNV-1a over bytes: `hash = Math.imul(hash ^ byte, FNV_PRIME)` from `FNV_OFFSET`, then `>>> 0`. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/**
 * Dictionary encoding of byte strings without creating a string per value: an open-addressing
 * hash table (FNV-1a over the bytes) whose keys live in an arena owned by the dictionary.
 * A level's string is decoded (UTF-8) once, when it is first seen.
 */
export class ByteDictionary {
  readonly levels: string[] = [];
  private slots = new Int32Array(64).fill(-1);
  private keyStart: number[] = [];
  private keyLength: number[] = [];
  private hashes: number[] = [];
  private arena = new Uint8Array(1024);
  private arenaUsed = 0;
  private readonly decoder = new TextDecoder();

  /** The code of `bytes[start, end)`, adding it as a new level when unseen. */
  encode(bytes: Uint8Array, start: number, end: number): number {
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) {
      hash = Math.imul(hash ^ (bytes[i] ?? 0), FNV_PRIME);
    }
    return this.encodeHashed(bytes, start, end, hash >>> 0);
  }

  /** `encode` with the FNV-1a hash of the bytes already computed (`hash >>> 0`) by the caller. */
  encodeHashed(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const length = end - start;
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const code = this.slots[slot] ?? -1;
      if (code === -1) break;
      if (this.hashes[code] === hash && this.keyLength[code] === length) {
        const keyStart = this.keyStart[code] ?? 0;
        let same = true;
        for (let k = 0; k < length; k++) {
          if (this.arena[keyStart + k] !== bytes[start + k]) {
            same = false;
            break;
          }
        }
        if (same) return code;
      }
      slot = (slot + 1) & mask;
    }
    return this.add(bytes, start, end, hash, slot);
  }

  /** The levels' bytes in code order (a copy), to merge dictionaries by bytes, not by text. */
  keys(): DictionaryKeys {
    const starts = new Int32Array(this.levels.length + 1);
    for (let code = 0; code < this.levels.length; code++) {
      starts[code + 1] = (this.keyStart[code] ?? 0) + (this.keyLength[code] ?? 0);
    }
    return { bytes: this.arena.slice(0, this.arenaUsed), starts };
  }

  /** The code of a level given as a string, adding it when unseen. */
  encodeString(text: string): number {
    const bytes = new TextEncoder().encode(text);
    return this.encode(bytes, 0, bytes.length);
  }

  private add(bytes: Uint8Array, start: number, end: number, hash: number, slot: number): number {
    const code = this.levels.length;
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      grown.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = grown;
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.keyStart.push(this.arenaUsed);
    this.keyLength.push(length);
    this.hashes.push(hash);
    this.arenaUsed += length;
    this.levels.push(this.decoder.decode(bytes.subarray(start, end)));
    this.slots[slot] = code;
    if (this.levels.length * 2 > this.slots.length) this.rehash();
    return code;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let code = 0; code < this.levels.length; code++) {
      let slot = (this.hashes[code] ?? 0) & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = code;
    }
    this.slots = slots;
  }
}
