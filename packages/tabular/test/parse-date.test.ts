import { describe, expect, it } from 'vitest';
import { daysFromCivil, parseDateText } from '../src/parse-date';

describe('parseDateText', () => {
  it('agrees with Date.UTC on dates across leap years and centuries', () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [2000, 2, 29],
      [1900, 3, 1],
      [2024, 12, 31],
      [1899, 12, 31],
    ] as const) {
      const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      expect(parseDateText(text)).toBe(Date.UTC(y, m - 1, d));
      expect(daysFromCivil(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
    }
  });

  it('reads the compact King County form and offsets', () => {
    expect(parseDateText('20150527T134501')).toBe(Date.UTC(2015, 4, 27, 13, 45, 1));
    expect(parseDateText('2015-05-27T13:45-0130')).toBe(Date.UTC(2015, 4, 27, 15, 15));
    expect(parseDateText('2015-05-27T13:45:00.5Z')).toBe(Date.UTC(2015, 4, 27, 13, 45, 0, 500));
  });

  it('rejects impossible or malformed dates', () => {
    for (const text of [
      '2023-02-29',
      '2023-13-01',
      '2023-1-01',
      '20230101',
      '2023-01-01T25:00',
      '2023-01-01X',
      '20230101T000000Z',
    ]) {
      expect(parseDateText(text)).toBeNaN();
    }
  });
});
