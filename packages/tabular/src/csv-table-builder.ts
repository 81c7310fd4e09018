/**
 * Appends parsed chunks, in file order, to the columns of one table. Categorical chunks are
 * merged by their levels' bytes into one dictionary per column, chunk after chunk, so the levels
 * come out in first-seen order of the whole file and the codes are the ones a single pass gives.
 */
import { ByteDictionary } from './byte-dictionary';
import { CATEGORICAL, type ChunkPlan, type ChunkResult, NUMERIC, SKIP } from './csv-chunk';
import { GrowingArray } from './growing-array';
import type { Column, ColumnKind, Table } from './types';

const KIND_NAMES: readonly ColumnKind[] = ['numeric', 'date', 'categorical'];

export class TableBuilder {
  rowCount = 0;
  /** Set when a chunk's values cannot be appended as they are (mixed kinds across chunks). */
  conflict = false;
  private readonly kinds: Int8Array;
  private readonly seen: Uint8Array;
  private readonly arrays: (GrowingArray | null)[] = [];
  private readonly dictionaries: (ByteDictionary | null)[] = [];

  /** `maxRows` bounds the rows of the whole file (it reserves address space, not memory). */
  constructor(
    private readonly plan: ChunkPlan,
    private readonly maxRows: number,
  ) {
    this.kinds = Int8Array.from(plan.kinds);
    this.seen = new Uint8Array(plan.kinds.length);
    for (const kind of this.kinds) {
      this.arrays.push(kind === SKIP ? null : this.array(kind));
      this.dictionaries.push(kind === CATEGORICAL ? new ByteDictionary() : null);
    }
  }

  add(chunk: ChunkResult): void {
    const rows = chunk.rowCount;
    for (let c = 0; c < this.kinds.length; c++) {
      const kind = chunk.kinds[c] as number;
      if (kind === SKIP || this.conflict) continue;
      if (kind !== this.kinds[c]) this.reconcile(c, chunk);
      if (this.conflict) continue;
      const target = this.arrays[c] as GrowingArray;
      const own = this.kinds[c];
      const values = chunk.values[c];
      const codes = chunk.codes[c];
      if (kind === own && own === CATEGORICAL && codes) {
        target.appendCodes(codes, rows, this.remap(c, chunk));
      } else if (kind === own && values) target.append(values, rows);
      else target.appendFill(own === CATEGORICAL ? -1 : Number.NaN, rows);
      if (chunk.seen[c] === 1) this.seen[c] = 1;
    }
    this.rowCount += rows;
  }

  /** A chunk's kind differs from the columns' so far: fine only when one side has no values. */
  private reconcile(c: number, chunk: ChunkResult): void {
    const kind = chunk.kinds[c] as number;
    const current = this.kinds[c] as number;
    if (kind === NUMERIC && chunk.seen[c] === 0) return; // all missing: fits any kind
    if (current === NUMERIC && this.seen[c] === 0) {
      this.kinds[c] = kind;
      if (kind === CATEGORICAL) {
        const rows = this.rowCount;
        this.arrays[c]?.release();
        const codes = this.array(CATEGORICAL);
        codes.appendFill(-1, rows);
        this.arrays[c] = codes;
        this.dictionaries[c] = new ByteDictionary();
      }
      return;
    }
    this.conflict = true;
  }

  private remap(c: number, chunk: ChunkResult): Int32Array | null {
    const keys = chunk.keys[c];
    const dictionary = this.dictionaries[c] as ByteDictionary;
    if (!keys) return null;
    const count = keys.starts.length - 1;
    const remap = new Int32Array(count);
    let identity = true;
    for (let k = 0; k < count; k++) {
      const code = dictionary.encode(keys.bytes, keys.starts[k] ?? 0, keys.starts[k + 1] ?? 0);
      remap[k] = code;
      if (code !== k) identity = false;
    }
    return identity ? null : remap;
  }

  private array(kind: number): GrowingArray {
    return new GrowingArray(kind === CATEGORICAL ? Int32Array : Float64Array, this.maxRows);
  }

  /** The kinds so far, with `seen`, as one more "chunk" for `combinedKinds`. */
  summary(): { kinds: Int8Array; seen: Uint8Array } {
    return { kinds: this.kinds, seen: this.seen };
  }

  /** Releases the memory of a build that will not be finished. */
  release(): void {
    for (const array of this.arrays) array?.release();
  }

  /** The table of a file parsed as one chunk: its arrays as they are (trimmed), no copy. */
  static single(plan: ChunkPlan, chunk: ChunkResult, source: string): Table {
    const columns = new Map<string, Column>();
    plan.names.forEach((name, c) => {
      const kind = chunk.kinds[c] ?? SKIP;
      const keys = chunk.keys[c];
      if (kind === SKIP) return;
      if (kind === CATEGORICAL && keys) {
        const dictionary = new ByteDictionary();
        for (let k = 0; k + 1 < keys.starts.length; k++) {
          dictionary.encode(keys.bytes, keys.starts[k] ?? 0, keys.starts[k + 1] ?? 0);
        }
        const codes = trim(chunk.codes[c] ?? new Int32Array(0), chunk.rowCount);
        columns.set(name, { kind: 'categorical', name, codes, levels: dictionary.levels });
      } else {
        const values = trim(chunk.values[c] ?? new Float64Array(0), chunk.rowCount);
        columns.set(name, { kind: KIND_NAMES[kind] as 'numeric' | 'date', name, values });
      }
    });
    return { rowCount: chunk.rowCount, columns, source };
  }

  build(source: string): Table {
    const columns = new Map<string, Column>();
    this.plan.names.forEach((name, c) => {
      const kind = this.kinds[c] ?? SKIP;
      const array = this.arrays[c];
      if (kind === SKIP || !array) return;
      if (kind === CATEGORICAL) {
        const levels = this.dictionaries[c]?.levels ?? [];
        columns.set(name, {
          kind: 'categorical',
          name,
          codes: array.finish() as Int32Array,
          levels,
        });
      } else {
        const values = array.finish() as Float64Array;
        columns.set(name, { kind: KIND_NAMES[kind] as 'numeric' | 'date', name, values });
      }
    });
    return { rowCount: this.rowCount, columns, source };
  }
}

function trim<T extends Float64Array | Int32Array>(array: T, rows: number): T {
  return array.length === rows ? array : (array.slice(0, rows) as T);
}
