import type { ColumnKind } from './types';

/** Options of `parseCsv` / `readCsv`. */
export interface CsvReadOptions {
  /**
   * Declared kinds by column name. A value that does not parse as the declared kind is a
   * `CsvTypeError`. Undeclared columns are inferred: numeric when every non-missing value is a
   * number, else date when every non-missing value is a date, else categorical.
   */
  readonly types?: Readonly<Record<string, ColumnKind>>;
  /** Keep only these columns (the table keeps file order). Others are skipped without parsing. */
  readonly columns?: readonly string[];
  /**
   * Worker threads for `readCsv` of a file of 1 MiB or more (default: `MLOPS_CSV_WORKERS`, else
   * one per available core). 1 parses on the calling thread. `parseCsv` ignores it.
   */
  readonly workers?: number;
}

/** The field separator and quote of RFC 4180. */
export const COMMA = 44;
export const QUOTE = 34;
export const LF = 10;
export const CR = 13;

/**
 * Missing-value tokens: the empty field, `NA`, `NaN` and `null` (after unquoting, so `""` and
 * `"NA"` are missing too).
 */
export function isMissingToken(bytes: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  if (n === 0) return true;
  if (n === 2) return bytes[start] === 78 && bytes[start + 1] === 65;
  if (n === 3) return bytes[start] === 78 && bytes[start + 1] === 97 && bytes[start + 2] === 78;
  if (n === 4) {
    return (
      bytes[start] === 110 &&
      bytes[start + 1] === 117 &&
      bytes[start + 2] === 108 &&
      bytes[start + 3] === 108
    );
  }
  return false;
}

/** A field's text for an error message, cut to 40 characters. */
export function fieldText(bytes: Uint8Array, start: number, end: number): string {
  const text = new TextDecoder().decode(bytes.subarray(start, Math.min(end, start + 160)));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
