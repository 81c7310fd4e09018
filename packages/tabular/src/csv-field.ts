import { COMMA, CR, LF, QUOTE } from './csv-options';

/**
 * The location of one field's content after reading it. Reused between calls (no allocation per
 * field): `bytes[start, end)` is the unquoted content, either a range of the input or of a scratch
 * buffer when doubled quotes had to be collapsed.
 */
export interface FieldCursor {
  bytes: Uint8Array;
  start: number;
  end: number;
  /** Position just after the field (at the separator, the line end or the end of input). */
  next: number;
  /** Line feeds inside a quoted field. */
  newlines: number;
  /** Set when a quoted field is not closed or is followed by something other than a separator. */
  error: 'unterminated' | 'after-quote' | null;
}

export function createCursor(): FieldCursor {
  return { bytes: new Uint8Array(0), start: 0, end: 0, next: 0, newlines: 0, error: null };
}

let scratch = new Uint8Array(256);

/**
 * Reads the field that starts at `pos` (RFC 4180: `"a ""b"", c"` is `a "b", c`), looking no
 * further than `length` (default: the end of `input`).
 */
export function readField(
  input: Uint8Array,
  pos: number,
  cursor: FieldCursor,
  length = input.length,
): void {
  cursor.newlines = 0;
  cursor.error = null;
  if (input[pos] !== QUOTE) {
    let i = pos;
    while (i < length) {
      const b = input[i];
      if (b === COMMA || b === LF || b === CR) break;
      i++;
    }
    cursor.bytes = input;
    cursor.start = pos;
    cursor.end = i;
    cursor.next = i;
    return;
  }
  const start = pos + 1;
  let i = start;
  let escaped = false;
  for (;;) {
    if (i >= length) {
      cursor.error = 'unterminated';
      cursor.bytes = input;
      cursor.start = start;
      cursor.end = length;
      cursor.next = length;
      return;
    }
    const b = input[i];
    if (b === QUOTE) {
      if (input[i + 1] === QUOTE) {
        escaped = true;
        i += 2;
        continue;
      }
      break;
    }
    if (b === LF) cursor.newlines++;
    i++;
  }
  const close = i;
  const after = input[close + 1];
  if (close + 1 < length && after !== COMMA && after !== LF && after !== CR) {
    cursor.error = 'after-quote';
  }
  cursor.next = close + 1;
  if (!escaped) {
    cursor.bytes = input;
    cursor.start = start;
    cursor.end = close;
    return;
  }
  if (scratch.length < close - start) scratch = new Uint8Array((close - start) * 2);
  let out = 0;
  for (let k = start; k < close; k++) {
    const b = input[k] ?? 0;
    scratch[out++] = b;
    if (b === QUOTE) k++;
  }
  cursor.bytes = scratch;
  cursor.start = 0;
  cursor.end = out;
}
