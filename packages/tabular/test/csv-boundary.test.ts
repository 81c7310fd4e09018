import { describe, expect, it } from 'vitest';
import { lastLineEnd } from '../src/csv-boundary';

const at = (text: string): number => lastLineEnd(Buffer.from(text), Buffer.byteLength(text));

describe('lastLineEnd', () => {
  it('cuts after the last line feed of plain lines', () => {
    expect(at('a,b\n1,2\n3,')).toBe(8);
    expect(at('a,b\r\n1,2\r\n')).toBe(10);
  });

  it('finds no line end in a partial first line', () => {
    expect(at('a,b,c')).toBe(-1);
  });

  it('does not cut at a line feed inside a quoted field', () => {
    expect(at('x\n"two\nlines",1')).toBe(2);
    expect(at('x\n1,"open\nstill open')).toBe(2);
  });

  it('treats doubled quotes as escaped and cuts after the field closes', () => {
    expect(at('x\n"say ""hi""\nthere"\n1')).toBe(21);
    expect(at('x\n"""\n"""\n')).toBe(10);
  });

  it('reads a quote inside an unquoted field as text, as the parser does', () => {
    expect(at('ab"c\nd\n"e')).toBe(7);
  });

  it('does not decide on a quote at the very end (it may be the first of a doubled pair)', () => {
    expect(at('x\n"a\n"')).toBe(2);
  });
});
