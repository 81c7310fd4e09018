import { open } from 'node:fs/promises';
import type { CsvReadOptions } from './csv-options';
import { parseCsv } from './parse-csv';
import type { Table } from './types';

/**
 * Reads a CSV file into a columnar table; see `parseCsv`. Error messages name the file as `path`.
 * The file is read with one sized read (much faster than `readFile`'s chunked reads for big files).
 */
export async function readCsv(path: string, options: CsvReadOptions = {}): Promise<Table> {
  const file = await open(path, 'r');
  let bytes: Buffer;
  try {
    const { size } = await file.stat();
    bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await file.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled < size) bytes = bytes.subarray(0, filled);
  } finally {
    await file.close();
  }
  return parseCsv(bytes, path, options);
}
