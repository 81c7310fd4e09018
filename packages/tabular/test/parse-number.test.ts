import { describe, expect, it } from 'vitest';
import { parseNumberBytes, parseNumberText, scanEnd, scanNumber } from '../src/parse-number';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const parse = (text: string): number => parseNumberBytes(bytes(text), 0, text.length);

describe('parseNumberBytes', () => {
  it('equals Number() for decimal, signed, exponent and long inputs', () => {
    for (const text of [
      '0',
      '-0.5',
      '+7',
      '3.14159',
      '1e3',
      '2.5E-4',
      '0.30000000000000004',
      '12345678901234567890',
      '1e400',
      '4.9e-324',
    ]) {
      expect(parse(text)).toBe(Number(text));
    }
  });

  it('returns NaN for text that is not a plain decimal', () => {
    for (const text of ['abc', '1.2.3', '1e', '--1', '0x10', 'Infinity', '.', '12a']) {
      expect(parse(text)).toBeNaN();
    }
  });

  it('accepts surrounding spaces only through the text path', () => {
    expect(parse(' 42 ')).toBe(42);
    expect(parseNumberText('\t-1.5 ')).toBe(-1.5);
  });
});

describe('scanNumber', () => {
  it('parses a field up to its separator and reports where it ended', () => {
    const input = bytes('12.25,x');
    expect(scanNumber(input, 0, input.length)).toBe(12.25);
    expect(scanEnd).toBe(5);
  });

  it('hands fields with exponents or text back to the general path', () => {
    const input = bytes('1e3,NA');
    scanNumber(input, 0, input.length);
    expect(scanEnd).toBe(-1);
    scanNumber(input, 4, input.length);
    expect(scanEnd).toBe(-1);
  });
});
