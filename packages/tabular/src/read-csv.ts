import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseChunk } from './csv-chunk';
import { readChunked } from './csv-chunked-read';
import type { CsvReadOptions } from './csv-options';
import { type ChunkParser, workerParser } from './csv-worker-pool';
import { CsvWorkerError } from './errors';
import { parseCsv } from './parse-csv';
import type { Table } from './types';

/** Files smaller than this are parsed on the calling thread in one piece. */
export const PARALLEL_MIN_BYTES = 1 << 20;
/** Bytes per chunk of a parallel read. */
export const BLOCK_BYTES = 1 << 20;

/** Knobs of `readCsv` for tests and benchmarks; the defaults are the measured best. */
export interface CsvReadTuning {
  readonly blockBytes?: number;
  readonly parallelMinBytes?: number;
  /** Chunks being parsed or waiting to be merged at a time (default: 2 per worker + 1). */
  readonly inFlight?: number;
}

/**
 * Reads a CSV file into a columnar table; see `parseCsv` (the same table, values and errors).
 * Error messages name the file as `path`. A file of 1 MiB or more is read in blocks of 1 MiB,
 * each cut at a line end outside quotes and parsed on one of `options.workers` worker threads
 * (default: `MLOPS_CSV_WORKERS`, else one per available core, at most one per block); the table
 * is the same for any number of workers.
 */
export async function readCsv(
  path: string,
  options: CsvReadOptions = {},
  tuning: CsvReadTuning = {},
): Promise<Table> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size < (tuning.parallelMinBytes ?? PARALLEL_MIN_BYTES)) {
      return parseCsv(await readWhole(file, size), path, options);
    }
    const blockBytes = tuning.blockBytes ?? BLOCK_BYTES;
    const workers = workerCount(options.workers, Math.ceil(size / blockBytes), path);
    const parser = workers === 1 ? inProcessParser : workerParser(workers);
    return await readChunked(file, size, path, options, {
      parser,
      blockBytes,
      inFlight: tuning.inFlight ?? (workers === 1 ? 1 : workers * 2 + 1),
    });
  } finally {
    await file.close();
  }
}

/** Chunks parsed on this thread, one after the other. */
const inProcessParser: ChunkParser = {
  parse: async (buffer, start, end, plan) => parseChunk(Buffer.from(buffer), start, end, plan),
};

function workerCount(option: number | undefined, chunks: number, path: string): number {
  const fromEnv = process.env.MLOPS_CSV_WORKERS;
  const asked = option ?? (fromEnv === undefined || fromEnv === '' ? undefined : Number(fromEnv));
  if (asked === undefined) return Math.max(1, Math.min(availableParallelism(), chunks));
  if (!Number.isInteger(asked) || asked < 1) {
    const from = option === undefined ? `MLOPS_CSV_WORKERS=${fromEnv}` : `workers: ${option}`;
    throw new CsvWorkerError(`${path}: ${from} is not a whole number of workers of at least 1`);
  }
  return Math.min(asked, Math.max(1, chunks));
}

/** The whole file with one sized read (much faster than `readFile`'s chunked reads). */
async function readWhole(file: Awaited<ReturnType<typeof open>>, size: number): Promise<Buffer> {
  let bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await file.read(bytes, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  if (filled < size) bytes = bytes.subarray(0, filled);
  return bytes;
}
