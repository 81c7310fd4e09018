import { COMMA, CR, LF, QUOTE } from './csv-options';

/**
 * The end of the last whole line in `bytes[0, end)`, quote-aware: the offset just after the last
 * line feed that is not inside a quoted field, or -1 when there is none. `bytes[0]` must start a
 * line outside any quoted field. A quote opens a quoted field only at the start of a field (as
 * `readField` reads it: `ab"c` is plain text), a doubled quote inside one is an escaped quote.
 * Jumps from quote to quote with `indexOf`, so a file without quotes costs one search per block.
 */
export function lastLineEnd(bytes: Buffer, end: number): number {
  let pos = 0;
  let best = -1;
  let quoted = false;
  for (;;) {
    let q = pos < end ? bytes.indexOf(QUOTE, pos) : -1;
    if (q >= end) q = -1;
    const segmentEnd = q < 0 ? end : q;
    if (!quoted && segmentEnd > pos) {
      const lf = bytes.lastIndexOf(LF, segmentEnd - 1);
      if (lf >= pos) best = lf + 1;
    }
    if (q < 0) return best;
    if (!quoted) {
      const before = q === 0 ? LF : bytes[q - 1];
      quoted = before === COMMA || before === LF || before === CR;
      pos = q + 1;
    } else if (q + 1 < end && bytes[q + 1] === QUOTE) {
      pos = q + 2;
    } else {
      if (q + 1 >= end) return best;
      quoted = false;
      pos = q + 1;
    }
  }
}
