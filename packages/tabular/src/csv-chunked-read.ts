/**
 * A CSV file read block by block into shared buffers, each block cut at its last line end outside
 * quotes and parsed as one chunk (on worker threads), the chunks appended to the table in file
 * order. Only a few blocks are in memory at a time, so a read needs about the memory of the
 * resulting arrays plus `blockBytes × (inFlight + 1)`, not the file's size on top.
 */
import type { FileHandle } from 'node:fs/promises';
import { lastLineEnd } from './csv-boundary';
import type { ChunkPlan, ChunkResult } from './csv-chunk';
import { type Header, readHeader } from './csv-header';
import type { CsvReadOptions } from './csv-options';
import { combinedKinds, planFor, problemError } from './csv-plan';
import { TableBuilder } from './csv-table-builder';
import type { ChunkParser } from './csv-worker-pool';
import { EmptyDataError } from './errors';
import type { Table } from './types';

export interface ChunkedReadSettings {
  readonly parser: ChunkParser;
  /** Bytes per block (a line longer than a block makes that block grow). */
  readonly blockBytes: number;
  /** Chunks being parsed at the same time. */
  readonly inFlight: number;
}

interface Flight {
  readonly buffer: SharedArrayBuffer;
  readonly result: Promise<ChunkResult>;
}

interface Pass {
  readonly header: Header;
  readonly builder: TableBuilder;
  readonly kinds: { kinds: Int8Array; seen: Uint8Array }[];
}

/** Reads `file` (of `size` bytes, named `source` in errors) into a table; see `parseCsv`. */
export async function readChunked(
  file: FileHandle,
  size: number,
  source: string,
  options: CsvReadOptions,
  settings: ChunkedReadSettings,
): Promise<Table> {
  let pass = await readPass(file, size, source, options, null, settings);
  if (pass.builder.conflict) {
    // Chunks inferred different kinds for a column: read again with the kinds of the whole file.
    pass.builder.release();
    const plan = planFor(pass.header, source, options);
    const kinds = combinedKinds(plan, pass.kinds);
    pass = await readPass(file, size, source, options, kinds, settings);
  }
  if (pass.builder.rowCount === 0) {
    throw new EmptyDataError(`${source}: the file has a header but no data rows`, source);
  }
  return pass.builder.build(source);
}

class Blocks {
  private readonly free: SharedArrayBuffer[] = [];
  constructor(private readonly bytes: number) {}
  take(atLeast: number): SharedArrayBuffer {
    const found = this.free.findIndex((buffer) => buffer.byteLength >= atLeast);
    if (found >= 0) return this.free.splice(found, 1)[0] as SharedArrayBuffer;
    return new SharedArrayBuffer(Math.max(this.bytes, atLeast));
  }
  give(buffer: SharedArrayBuffer): void {
    this.free.push(buffer);
  }
}

async function readPass(
  file: FileHandle,
  size: number,
  source: string,
  options: CsvReadOptions,
  kinds: Int8Array | null,
  settings: ChunkedReadSettings,
): Promise<Pass> {
  const blocks = new Blocks(settings.blockBytes);
  const flights: Flight[] = [];
  let buffer = blocks.take(settings.blockBytes);
  let view = Buffer.from(buffer);
  let used = 0;
  let start = 0;
  let filePos = 0;
  let header: Header | null = null;
  let plan: ChunkPlan | null = null;
  let builder: TableBuilder | null = null;
  const seenKinds: Pass['kinds'] = [];
  const merge = new Merger(source, blocks, seenKinds, settings.parser);
  try {
    for (;;) {
      if (used === buffer.byteLength) {
        const bigger = blocks.take(buffer.byteLength * 2);
        Buffer.from(bigger).set(view.subarray(start, used));
        blocks.give(buffer);
        [buffer, view, used, start] = [bigger, Buffer.from(bigger), used - start, 0];
      }
      const { bytesRead } = await file.read(view, used, buffer.byteLength - used, filePos);
      used += bytesRead;
      filePos += bytesRead;
      const atEnd = bytesRead === 0 || filePos >= size;
      if (header === null) {
        if (!atEnd && lastLineEnd(view, used) < 0) continue;
        header = readHeader(view.subarray(0, used), source);
        const base = planFor(header, source, options);
        plan = kinds === null ? base : { ...base, kinds };
        builder = new TableBuilder(plan, Math.ceil(size / Math.max(1, header.names.length)) + 2);
        merge.start(builder, header.dataLine);
        start = header.dataStart;
      }
      const cut = atEnd ? used - start : lastLineEnd(view.subarray(start, used), used - start);
      if (cut < 0) continue;
      const end = start + cut;
      const result = settings.parser.parse(buffer, start, end, plan as ChunkPlan);
      result.catch(() => undefined); // awaited in order below; never an unhandled rejection
      flights.push({ buffer, result });
      if (atEnd) break;
      const next = blocks.take(used - end + 1);
      Buffer.from(next).set(view.subarray(end, used));
      [buffer, view, used, start] = [next, Buffer.from(next), used - end, 0];
      while (flights.length >= settings.inFlight) await merge.next(flights.shift() as Flight);
    }
    while (flights.length > 0) await merge.next(flights.shift() as Flight);
  } catch (error) {
    builder?.release();
    throw error;
  }
  return { header, builder: builder as TableBuilder, kinds: seenKinds };
}

/** Appends finished chunks to the table in file order; the first problem ends the read. */
class Merger {
  private builder: TableBuilder | null = null;
  private line = 0;
  constructor(
    private readonly source: string,
    private readonly blocks: Blocks,
    private readonly kinds: Pass['kinds'],
    private readonly parser: ChunkParser,
  ) {}

  start(builder: TableBuilder, firstLine: number): void {
    this.builder = builder;
    this.line = firstLine;
  }

  async next(flight: Flight): Promise<void> {
    const chunk = await flight.result;
    this.blocks.give(flight.buffer);
    const builder = this.builder as TableBuilder;
    if (chunk.problem !== null) {
      throw problemError(chunk.problem, this.source, builder.rowCount, this.line);
    }
    this.kinds.push({ kinds: chunk.kinds, seen: chunk.seen });
    builder.add(chunk);
    this.parser.recycle?.(chunk);
    this.line += chunk.lines;
  }
}
