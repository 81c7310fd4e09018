/** The output arrays of one chunk, and where their memory comes from. */
import { ByteDictionary } from './byte-dictionary';
import { CATEGORICAL, DATE, NUMERIC } from './csv-kinds';

/** Where a chunk's arrays come from: fresh memory, or buffers a worker got back for reuse. */
export interface ArraySource {
  take(byteLength: number): ArrayBuffer;
}

export const FRESH: ArraySource = { take: (byteLength) => new ArrayBuffer(byteLength) };

/** A chunk's output arrays; every row of every kept column is written, so reused memory is fine. */
export class Columns {
  readonly values: (Float64Array | null)[] = [];
  readonly codes: (Int32Array | null)[] = [];
  readonly dictionaries: (ByteDictionary | null)[] = [];
  readonly seen: Uint8Array;
  constructor(
    kinds: Int8Array,
    public capacity: number,
    private readonly arrays: ArraySource,
  ) {
    this.seen = new Uint8Array(kinds.length);
    for (const kind of kinds) {
      this.values.push(kind === NUMERIC || kind === DATE ? this.float64(capacity) : null);
      this.codes.push(kind === CATEGORICAL ? this.int32(capacity) : null);
      this.dictionaries.push(kind === CATEGORICAL ? new ByteDictionary() : null);
    }
  }
  private float64(n: number): Float64Array {
    return new Float64Array(this.arrays.take(n * 8), 0, n);
  }
  private int32(n: number): Int32Array {
    return new Int32Array(this.arrays.take(n * 4), 0, n);
  }
  toCategorical(c: number, row: number): void {
    this.values[c] = null;
    this.codes[c] = this.int32(this.capacity).fill(-1, 0, row);
    this.dictionaries[c] = new ByteDictionary();
  }
  /** Doubles the capacity (an estimate fell short), keeping the rows so far. */
  grow(): void {
    this.capacity *= 2;
    for (let c = 0; c < this.values.length; c++) {
      const values = this.values[c];
      const codes = this.codes[c];
      if (values) {
        const grown = this.float64(this.capacity);
        grown.set(values);
        this.values[c] = grown;
      }
      if (codes) {
        const grown = this.int32(this.capacity);
        grown.set(codes);
        this.codes[c] = grown;
      }
    }
  }
}
