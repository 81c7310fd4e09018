import { describe, expect, it } from 'vitest';
import {
  ColumnNotFoundError,
  CsvFormatError,
  CsvTypeError,
  DuplicateColumnError,
  EmptyDataError,
} from '../src/errors';
import { parseCsv } from '../src/parse-csv';
import type { CategoricalColumn, Column, NumericColumn, Table } from '../src/types';

const parse = (text: string, options = {}): Table =>
  parseCsv(new TextEncoder().encode(text), 'sales.csv', options);
const col = (table: Table, name: string): Column => {
  const found = table.columns.get(name);
  if (found === undefined) throw new Error(`no column ${name}`);
  return found;
};
const numbers = (table: Table, name: string): number[] => [
  ...(col(table, name) as NumericColumn).values,
];
const texts = (table: Table, name: string): (string | null)[] => {
  const c = col(table, name) as CategoricalColumn;
  return [...c.codes].map((code) => (code < 0 ? null : (c.levels[code] ?? '?')));
};
const thrown = (run: () => unknown): Error => {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
};

describe('parseCsv', () => {
  it('reads numbers, text and dates into typed columns in file order', () => {
    const table = parse('price,city,sold\n100.5,Seattle,2023-01-02\n-2e3,Tacoma,2023-02-03\n');
    expect(table.rowCount).toBe(2);
    expect([...table.columns.keys()]).toEqual(['price', 'city', 'sold']);
    expect(numbers(table, 'price')).toEqual([100.5, -2000]);
    expect(texts(table, 'city')).toEqual(['Seattle', 'Tacoma']);
    expect(col(table, 'sold').kind).toBe('date');
    expect(numbers(table, 'sold')).toEqual([Date.UTC(2023, 0, 2), Date.UTC(2023, 1, 3)]);
    expect(table.source).toBe('sales.csv');
  });

  it('parses decimals exactly as Number does', () => {
    const samples = ['47.5112', '-122.257', '0.1', '221900.0', '1e-7', '123456789012345678', '.5'];
    const table = parse(`x\n${samples.join('\n')}\n`);
    expect(numbers(table, 'x')).toEqual(samples.map(Number));
  });

  it('unquotes RFC 4180 fields with commas, doubled quotes and line breaks', () => {
    const table = parse('name,n\n"Smith, J",1\n"say ""hi""",2\n"two\nlines",3\nplain,4\n');
    expect(texts(table, 'name')).toEqual(['Smith, J', 'say "hi"', 'two\nlines', 'plain']);
    expect(numbers(table, 'n')).toEqual([1, 2, 3, 4]);
  });

  it('accepts CRLF line ends, a byte order mark and a last line without a line end', () => {
    const table = parse('\uFEFFa,b\r\n1,x\r\n2,y');
    expect([...table.columns.keys()]).toEqual(['a', 'b']);
    expect(numbers(table, 'a')).toEqual([1, 2]);
    expect(texts(table, 'b')).toEqual(['x', 'y']);
  });

  it('treats empty fields, NA, NaN and null as missing in every kind of column', () => {
    const table = parse('n,c,d\n1,a,2023-01-01\n,NA,NaN\nnull,"",\nNA,b,2023-01-03\n');
    expect(numbers(table, 'n').map(Number.isNaN)).toEqual([false, true, true, true]);
    expect(texts(table, 'c')).toEqual(['a', null, null, 'b']);
    expect(col(table, 'd').kind).toBe('date');
    expect(numbers(table, 'd').map(Number.isNaN)).toEqual([false, true, true, false]);
  });

  it('infers categorical when any value is not a number, even after many numbers', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `${i},${i}`);
    const table = parse(`zip,n\n${rows.join('\n')}\nK1A,7\n`);
    expect(col(table, 'zip').kind).toBe('categorical');
    expect(texts(table, 'zip').slice(0, 2)).toEqual(['0', '1']);
    expect(texts(table, 'zip')[50]).toBe('K1A');
    expect(numbers(table, 'n')[50]).toBe(7);
  });

  it('keeps a column whose values are all missing numeric', () => {
    const table = parse('a,b\n1,\n2,NA\n');
    expect(col(table, 'b').kind).toBe('numeric');
    expect(numbers(table, 'b').every(Number.isNaN)).toBe(true);
  });

  it('parses ISO dates, date-times with offsets and the King County compact format as UTC', () => {
    const table = parse(
      'd\n2014-10-13\n20141013T000000\n2014-10-13T12:30:00Z\n2014-10-13 12:30:15.250\n2014-10-13T14:30:00+02:00\n',
    );
    const day = Date.UTC(2014, 9, 13);
    expect(numbers(table, 'd')).toEqual([
      day,
      day,
      day + 12.5 * 3_600_000,
      Date.UTC(2014, 9, 13, 12, 30, 15, 250),
      day + 12.5 * 3_600_000,
    ]);
  });

  it('treats impossible dates as text', () => {
    const table = parse('d\n2023-02-30\n2023-03-01\n');
    expect(col(table, 'd').kind).toBe('categorical');
  });

  it('honours declared kinds, so numeric-looking codes can be categorical', () => {
    const table = parse('zip,when\n98178,20141013T000000\n98125,\n', {
      types: { zip: 'categorical', when: 'date' },
    });
    expect(texts(table, 'zip')).toEqual(['98178', '98125']);
    expect(numbers(table, 'when')[0]).toBe(Date.UTC(2014, 9, 13));
  });

  it('keeps only the requested columns, in file order', () => {
    const table = parse('a,b,c\n1,x,3\n4,y,6\n', { columns: ['c', 'a'] });
    expect([...table.columns.keys()]).toEqual(['a', 'c']);
    expect(numbers(table, 'c')).toEqual([3, 6]);
  });

  it('dictionary-encodes levels in first-seen order and reuses codes', () => {
    const table = parse('c\nb\na\nb\n"a"\n');
    const c = col(table, 'c') as CategoricalColumn;
    expect(c.levels).toEqual(['b', 'a']);
    expect([...c.codes]).toEqual([0, 1, 0, 1]);
  });

  it('skips blank lines but counts them in line numbers', () => {
    const table = parse('a\n1\n\n2\n');
    expect(numbers(table, 'a')).toEqual([1, 2]);
    const error = thrown(() => parse('a,b\n1,2\n\nx\n')) as CsvFormatError;
    expect(error.row).toBe(2);
    expect(error.line).toBe(4);
  });
});

describe('parseCsv errors', () => {
  it('names file, column, row and line for text in a declared numeric column', () => {
    const lines = Array.from({ length: 16 }, (_, i) => `${1000 + i},a`);
    const error = thrown(() =>
      parse(`sqft,x\n${lines.join('\n')}\nabc,b\n`, { types: { sqft: 'numeric' } }),
    );
    expect(error).toBeInstanceOf(CsvTypeError);
    expect(error.message).toBe(
      'sales.csv: column "sqft" row 17 (line 18): expected a number, found "abc"',
    );
    expect((error as CsvTypeError).column).toBe('sqft');
    expect((error as CsvTypeError).row).toBe(17);
  });

  it('reports a text in a declared date column', () => {
    const error = thrown(() => parse('d\n2023-01-01\nsoon\n', { types: { d: 'date' } }));
    expect(error).toBeInstanceOf(CsvTypeError);
    expect(error.message).toMatch(/^sales\.csv: column "d" row 2 \(line 3\): expected a date/);
  });

  it('reports a row with too few fields, naming the first missing column', () => {
    const error = thrown(() => parse('a,b,c\n1,2,3\n4,5\n'));
    expect(error).toBeInstanceOf(CsvFormatError);
    expect(error.message).toBe(
      'sales.csv: row 2 (line 3): expected 3 fields, found 2 (column "c" is missing)',
    );
  });

  it('reports a row with too many fields', () => {
    const error = thrown(() => parse('a,b\n1,2,3,4\n'));
    expect(error).toBeInstanceOf(CsvFormatError);
    expect(error.message).toContain('sales.csv: row 1 (line 2): expected 2 fields, found 4');
    expect(error.message).toContain('column "b"');
  });

  it('reports an unterminated quoted field and text after a closing quote', () => {
    const open = thrown(() => parse('a,b\n1,"never closed\n'));
    expect(open).toBeInstanceOf(CsvFormatError);
    expect(open.message).toMatch(/column "b" row 1 \(line 2\): a quoted field is not closed/);
    const after = thrown(() => parse('a,b\n1,"x"y\n'));
    expect(after).toBeInstanceOf(CsvFormatError);
    expect(after.message).toMatch(/sales\.csv: column "b" row 1 \(line 2\): a closing quote/);
  });

  it('rejects an empty file and a header without rows', () => {
    const empty = thrown(() => parse(''));
    expect(empty).toBeInstanceOf(EmptyDataError);
    expect(empty.message).toBe('sales.csv: the file is empty');
    const headerOnly = thrown(() => parse('a,b\n'));
    expect(headerOnly).toBeInstanceOf(EmptyDataError);
    expect(headerOnly.message).toBe('sales.csv: the file has a header but no data rows');
  });

  it('rejects a duplicated header name', () => {
    const error = thrown(() => parse('a,b,a\n1,2,3\n'));
    expect(error).toBeInstanceOf(DuplicateColumnError);
    expect(error.message).toBe(
      'sales.csv: column "a" appears twice in the header (row 0, line 1: fields 1 and 3)',
    );
  });

  it('rejects a requested or typed column that is not in the header', () => {
    const requested = thrown(() => parse('a,b\n1,2\n', { columns: ['a', 'price'] }));
    expect(requested).toBeInstanceOf(ColumnNotFoundError);
    expect(requested.message).toBe('sales.csv: column "price" not found; the header has: a, b');
    const typed = thrown(() => parse('a,b\n1,2\n', { types: { when: 'date' } }));
    expect(typed).toBeInstanceOf(ColumnNotFoundError);
  });
});
