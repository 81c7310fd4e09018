/** Line-level helpers of the CSV inner loop: line ends, row estimates, separators. */
import { COMMA, CR, LF } from './csv-options';

/** The position after a line end (CRLF, LF or a lone CR) at `pos`. */
export function skipLineEnd(bytes: Uint8Array, pos: number): number {
  if (bytes[pos] === CR) pos++;
  if (bytes[pos] === LF) pos++;
  return pos;
}

/** Line feeds in `[start, end)`, plus one for a last line without one: at least the rows. */
export function countLines(bytes: Uint8Array, start: number, end: number): number {
  let count = end > start && bytes[end - 1] !== LF ? 1 : 0;
  for (let i = bytes.indexOf(LF, start); i >= 0 && i < end; i = bytes.indexOf(LF, i + 1)) count++;
  return Math.max(count, 1);
}

/** Rows expected in `[start, end)` from the length of its first lines (`Columns` grows if short). */
export function estimateRows(bytes: Uint8Array, start: number, end: number): number {
  let at = start;
  let lines = 0;
  while (lines < 64) {
    const lf = bytes.indexOf(LF, at);
    if (lf < 0 || lf >= end) return lines + 1;
    at = lf + 1;
    lines++;
  }
  return Math.ceil(((end - start) / (at - start)) * 64 * 1.05) + 64;
}

/** Separators from `pos` to the end of the line (quotes ignored), for a "found N fields" message. */
export function countSeparators(bytes: Uint8Array, pos: number, end: number): number {
  let count = 0;
  for (let i = pos; i < end && bytes[i] !== LF && bytes[i] !== CR; i++) {
    if (bytes[i] === COMMA) count++;
  }
  return count;
}
