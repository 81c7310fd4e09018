/** The header line of a CSV file: column names, where the data starts, duplicate names. */
import { createCursor, type FieldCursor, readField } from './csv-field';
import { COMMA, CR, LF } from './csv-options';
import { CsvFormatError, DuplicateColumnError, EmptyDataError } from './errors';

export interface Header {
  readonly names: readonly string[];
  /** Offset of the first data byte. */
  readonly dataStart: number;
  /** Line number (1-based) of the first data line. */
  readonly dataLine: number;
}

export function readHeader(bytes: Uint8Array, source: string): Header {
  let pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 1;
  // Leading blank lines are skipped like any other blank line.
  while (pos < bytes.length && (bytes[pos] === LF || bytes[pos] === CR)) {
    if (bytes[pos] === LF) line++;
    pos++;
  }
  if (pos >= bytes.length) throw new EmptyDataError(`${source}: the file is empty`, source);
  const names: string[] = [];
  const cursor = createCursor();
  const decoder = new TextDecoder();
  for (;;) {
    readField(bytes, pos, cursor);
    if (cursor.error !== null) {
      throw new CsvFormatError(
        `${source}: header (line ${line}), field ${names.length + 1}: ${quoteProblem(cursor)}`,
        { file: source, row: 0, line },
      );
    }
    names.push(decoder.decode(cursor.bytes.subarray(cursor.start, cursor.end)));
    line += cursor.newlines;
    pos = cursor.next;
    if (bytes[pos] === COMMA) {
      pos++;
      continue;
    }
    break;
  }
  pos = skipLineEnd(bytes, pos);
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    const first = seen.get(name);
    if (first !== undefined) {
      throw new DuplicateColumnError(
        `${source}: column "${name}" appears twice in the header (row 0, line 1: fields ${first + 1} and ${index + 1})`,
        source,
        name,
      );
    }
    seen.set(name, index);
  });
  return { names, dataStart: pos, dataLine: line + 1 };
}

export function skipLineEnd(bytes: Uint8Array, pos: number): number {
  if (bytes[pos] === CR) pos++;
  if (bytes[pos] === LF) pos++;
  return pos;
}

export function quoteProblem(cursor: FieldCursor): string {
  return cursor.error === 'unterminated'
    ? 'a quoted field is not closed before the end of the file'
    : 'a closing quote is followed by something other than a comma or a line end';
}
