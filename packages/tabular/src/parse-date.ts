/**
 * Dates parsed straight from bytes into milliseconds since the Unix epoch (UTC).
 *
 * Accepted: `YYYY-MM-DD`, ISO 8601 date-times `YYYY-MM-DD[T ]HH:MM[:SS[.fff]]` with an optional
 * `Z` or `±HH:MM`/`±HHMM` offset (no offset means UTC), and the compact `YYYYMMDDTHHMMSS` of the
 * King County house sales. Returns NaN when the bytes are not such a date or name an impossible
 * day (2023-02-30).
 */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The integer in `bytes[start, start + count)`, or -1 if any byte is not a digit. */
function digitsAt(bytes: Uint8Array, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = (bytes[i] ?? 0) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

export function parseDateBytes(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length < 8) return NaN;
  let year: number;
  let month: number;
  let day: number;
  let i: number;
  if (bytes[start + 4] === 45) {
    if (length < 10 || bytes[start + 7] !== 45) return NaN;
    year = digitsAt(bytes, start, 4);
    month = digitsAt(bytes, start + 5, 2);
    day = digitsAt(bytes, start + 8, 2);
    i = start + 10;
  } else {
    // Compact YYYYMMDDTHHMMSS.
    if (length !== 15 || bytes[start + 8] !== 84) return NaN;
    year = digitsAt(bytes, start, 4);
    month = digitsAt(bytes, start + 4, 2);
    day = digitsAt(bytes, start + 6, 2);
    const hour = digitsAt(bytes, start + 9, 2);
    const minute = digitsAt(bytes, start + 11, 2);
    const second = digitsAt(bytes, start + 13, 2);
    if (hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 59) return NaN;
    const days = checkedDays(year, month, day);
    return days * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
  }
  const days = checkedDays(year, month, day);
  if (Number.isNaN(days)) return NaN;
  if (i === end) return days * MS_PER_DAY;
  // Time part.
  const sep = bytes[i];
  if ((sep !== 84 && sep !== 32) || end - i < 6 || bytes[i + 3] !== 58) return NaN;
  const hour = digitsAt(bytes, i + 1, 2);
  const minute = digitsAt(bytes, i + 4, 2);
  i += 6;
  let second = 0;
  let millis = 0;
  if (i < end && bytes[i] === 58) {
    second = digitsAt(bytes, i + 1, 2);
    if (end - i < 3) return NaN;
    i += 3;
    if (i < end && bytes[i] === 46) {
      i++;
      let scale = 100;
      let fractionDigits = 0;
      while (i < end) {
        const d = (bytes[i] ?? 0) - 48;
        if (d < 0 || d > 9) break;
        millis += d * scale;
        scale /= 10;
        fractionDigits++;
        i++;
      }
      if (fractionDigits === 0) return NaN;
      millis = Math.floor(millis);
    }
  }
  if (hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 59) return NaN;
  let offsetMinutes = 0;
  if (i < end) {
    const c = bytes[i];
    if (c === 90 && i + 1 === end) {
      i++;
    } else if (c === 43 || c === 45) {
      const rest = end - i - 1;
      const offsetHour = digitsAt(bytes, i + 1, 2);
      let offsetMinute: number;
      if (rest === 5 && bytes[i + 3] === 58) offsetMinute = digitsAt(bytes, i + 4, 2);
      else if (rest === 4) offsetMinute = digitsAt(bytes, i + 3, 2);
      else if (rest === 2) offsetMinute = 0;
      else return NaN;
      if (offsetHour < 0 || offsetMinute < 0) return NaN;
      offsetMinutes = (c === 45 ? -1 : 1) * (offsetHour * 60 + offsetMinute);
      i = end;
    } else {
      return NaN;
    }
  }
  return days * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
}

function checkedDays(year: number, month: number, day: number): number {
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day);
}

/** `parseDateBytes` over a string (used for options such as a generator's start date). */
export function parseDateText(text: string): number {
  const bytes = new TextEncoder().encode(text.trim());
  return parseDateBytes(bytes, 0, bytes.length);
}

/**
 * The fused fast path of the CSV reader for an unquoted `YYYY-MM-DD` field starting at `pos` and
 * followed by a comma, a line end or `end`: the same value as `parseDateBytes`, or NaN when the
 * field is anything else (the caller then takes the general path).
 */
export function scanDate(bytes: Uint8Array, pos: number, end: number): number {
  if (pos + 10 > end || bytes[pos + 4] !== 45 || bytes[pos + 7] !== 45) return NaN;
  const after = pos + 10 < end ? (bytes[pos + 10] as number) : 10;
  if (after !== 44 && after !== 10 && after !== 13) return NaN;
  const year = digitsAt(bytes, pos, 4);
  const month = digitsAt(bytes, pos + 5, 2);
  const day = digitsAt(bytes, pos + 8, 2);
  return checkedDays(year, month, day) * MS_PER_DAY;
}
