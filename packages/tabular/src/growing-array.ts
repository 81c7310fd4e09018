/**
 * A typed array that grows in place: a resizable ArrayBuffer reserves address space for
 * `maxLength` elements and commits memory only as elements are appended, so appending chunk
 * after chunk never copies what is already there, and `finish` returns a view of exactly the
 * appended elements (no copy, no spare capacity kept in memory).
 */
type Numbers = Float64Array | Int32Array;
type NumbersConstructor = Float64ArrayConstructor | Int32ArrayConstructor;
type ResizableArrayBuffer = ArrayBuffer & {
  resize(byteLength: number): void;
  readonly maxByteLength: number;
};
const Resizable = ArrayBuffer as unknown as new (
  byteLength: number,
  options: { maxByteLength: number },
) => ResizableArrayBuffer;

/** Address space reserved when the bound asked for cannot be (a huge file): 256 MiB, then moved. */
const FALLBACK_BYTES = 256 << 20;

function reserve(maxByteLength: number): ResizableArrayBuffer {
  try {
    return new Resizable(0, { maxByteLength });
  } catch (error) {
    if (!(error instanceof RangeError) || maxByteLength <= FALLBACK_BYTES) throw error;
    return new Resizable(0, { maxByteLength: FALLBACK_BYTES });
  }
}

export class GrowingArray {
  length = 0;
  private buffer: ResizableArrayBuffer;
  private readonly bytes: number;

  constructor(
    private readonly type: NumbersConstructor,
    maxLength: number,
  ) {
    this.bytes = type.BYTES_PER_ELEMENT;
    this.buffer = reserve(Math.max(1, maxLength) * this.bytes);
  }

  private grow(count: number): Numbers {
    const start = this.length;
    this.length += count;
    const needed = this.length * this.bytes;
    if (needed > this.buffer.maxByteLength) {
      // Only after a smaller reservation than the bound: move to a bigger one (one copy).
      const moved = reserve(needed * 2);
      moved.resize(start * this.bytes);
      new Uint8Array(moved).set(new Uint8Array(this.buffer, 0, start * this.bytes));
      this.buffer.resize(0);
      this.buffer = moved;
    }
    this.buffer.resize(needed);
    return new this.type(this.buffer, start * this.bytes, count);
  }

  append(source: Numbers, count: number): void {
    this.grow(count).set(source.length === count ? source : source.subarray(0, count));
  }

  /** Codes through `remap` (null: as they are); -1 (missing) stays -1. */
  appendCodes(source: Int32Array, count: number, remap: Int32Array | null): void {
    const target = this.grow(count);
    if (remap === null) {
      target.set(source.length === count ? source : source.subarray(0, count));
      return;
    }
    for (let i = 0; i < count; i++) {
      const code = source[i] as number;
      target[i] = code < 0 ? -1 : (remap[code] as number);
    }
  }

  appendFill(value: number, count: number): void {
    this.grow(count).fill(value);
  }

  finish(): Numbers {
    return new this.type(this.buffer, 0, this.length);
  }

  release(): void {
    this.length = 0;
    this.buffer.resize(0);
  }
}
