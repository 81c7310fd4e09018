/**
 * Decimal numbers parsed straight from bytes, without creating a string.
 *
 * Grammar: `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`. A value whose digits fit
 * in 2^53 and whose decimal exponent is within ±22 is computed as one correctly rounded
 * multiplication or division of two exact doubles (Clinger's fast path), so it equals `Number(text)`.
 * Anything else that matches the grammar falls back to `Number(text)`. Returns NaN when the bytes
 * are not a number (callers check for missing-value tokens first).
 */

const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);
const MAX_EXACT = 9007199254740991;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumberBytes(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  let c = bytes[i] ?? 0;
  if (c === 45) {
    negative = true;
    i++;
  } else if (c === 43) {
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let exponent = 0;
  while (i < end) {
    const d = (bytes[i] ?? 0) - 48;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    digits++;
    i++;
  }
  if (i < end && bytes[i] === 46) {
    i++;
    while (i < end) {
      const d = (bytes[i] ?? 0) - 48;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      exponent--;
      digits++;
      i++;
    }
  }
  if (digits === 0) return slowParse(bytes, start, end);
  if (i < end) {
    c = bytes[i] ?? 0;
    if (c !== 101 && c !== 69) return slowParse(bytes, start, end);
    i++;
    let expNegative = false;
    c = bytes[i] ?? 0;
    if (c === 45) {
      expNegative = true;
      i++;
    } else if (c === 43) {
      i++;
    }
    let expValue = 0;
    let expDigits = 0;
    while (i < end) {
      const d = (bytes[i] ?? 0) - 48;
      if (d < 0 || d > 9) return NaN;
      expValue = expValue * 10 + d;
      expDigits++;
      i++;
    }
    if (expDigits === 0) return NaN;
    exponent += expNegative ? -expValue : expValue;
  }
  if (mantissa > MAX_EXACT || exponent < -22 || exponent > 22) {
    return slowParse(bytes, start, end);
  }
  const magnitude =
    exponent < 0 ? mantissa / (POW10[-exponent] ?? 1) : mantissa * (POW10[exponent] ?? 1);
  return negative ? -magnitude : magnitude;
}

/** The grammar checked on a string (surrounding spaces allowed), then `Number`. */
export function parseNumberText(text: string): number {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : NaN;
}

function slowParse(bytes: Uint8Array, start: number, end: number): number {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i] ?? 0);
  return parseNumberText(text);
}

/** Where `scanNumber` stopped, or -1 when the field needs the general path. */
export let scanEnd = -1;

/**
 * The fused fast path of the CSV reader: parses an unquoted plain decimal (no exponent) starting
 * at `pos` while scanning for the end of the field. On success sets `scanEnd` to the separator,
 * line end or end of input and returns the value (NaN for an empty field); otherwise sets
 * `scanEnd` to -1 and the caller re-reads the field with `readField` + `parseNumberBytes`.
 */
export function scanNumber(bytes: Uint8Array, pos: number, length: number): number {
  let i = pos;
  let c = i < length ? (bytes[i] as number) : 10;
  if (c === 44 || c === 10 || c === 13) {
    scanEnd = i;
    return Number.NaN;
  }
  let negative = false;
  if (c === 45) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let exponent = 0;
  while (i < length) {
    const d = (bytes[i] as number) - 48;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    digits++;
    i++;
  }
  if (i < length && bytes[i] === 46) {
    i++;
    while (i < length) {
      const d = (bytes[i] as number) - 48;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      exponent--;
      digits++;
      i++;
    }
  }
  c = i < length ? (bytes[i] as number) : 10;
  if (
    digits === 0 ||
    (c !== 44 && c !== 10 && c !== 13) ||
    mantissa > MAX_EXACT ||
    exponent < -22
  ) {
    scanEnd = -1;
    return Number.NaN;
  }
  scanEnd = i;
  const magnitude = exponent < 0 ? mantissa / (POW10[-exponent] as number) : mantissa;
  return negative ? -magnitude : magnitude;
}
