import { readHeader } from './csv-header';

/**
 * The column names of CSV bytes, from the header alone (to declare kinds only for the columns a
 * file has). Throws `EmptyDataError` for an empty file, as `parseCsv` does.
 */
export function csvColumnNames(bytes: Uint8Array, source: string): readonly string[] {
  return readHeader(bytes, source).names;
}
