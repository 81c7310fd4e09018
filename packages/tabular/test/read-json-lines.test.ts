import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmptyDataError, JsonLinesError, parseJsonLines, readJsonLines } from '../src/index';

describe('parseJsonLines', () => {
  it('reads flat records into typed columns, keys in order of first appearance', () => {
    const table = parseJsonLines(
      [
        '{"sqft": 1200, "hood": "Ballard", "day": "2025-07-01"}',
        '',
        '{"sqft": null, "hood": "Fremont", "day": "2025-07-02", "prediction": 510000}',
        '{"sqft": "980.5", "day": "2025-07-03"}',
      ].join('\n'),
      'w.jsonl',
    );
    expect(table.rowCount).toBe(3);
    expect([...table.columns.keys()]).toEqual(['sqft', 'hood', 'day', 'prediction']);
    const sqft = table.columns.get('sqft');
    expect(sqft?.kind).toBe('numeric');
    expect(sqft?.kind === 'numeric' && [...sqft.values]).toEqual([1200, Number.NaN, 980.5]);
    const hood = table.columns.get('hood');
    expect(hood?.kind === 'categorical' && [...hood.codes]).toEqual([0, 1, -1]);
    expect(table.columns.get('day')?.kind).toBe('date');
    expect(table.columns.get('prediction')?.kind).toBe('numeric');
  });

  it('names the line and column of a text value in a declared numeric column', () => {
    const text = '{"sqft": 1200}\n{"sqft": "big"}\n';
    expect(() => parseJsonLines(text, 'w.jsonl', { types: { sqft: 'numeric' } })).toThrow(
      expect.objectContaining({
        name: 'JsonLinesError',
        line: 2,
        column: 'sqft',
        message: 'w.jsonl:2: column "sqft" is numeric, but the value is "big"',
      }),
    );
  });

  it('refuses a line that is not a JSON object and a file without records', () => {
    expect(() => parseJsonLines('{"a": 1}\n[1, 2]\n', 'w.jsonl')).toThrow(JsonLinesError);
    expect(() => parseJsonLines('{"a": 1\n', 'w.jsonl')).toThrow(/w\.jsonl:1: not valid JSON/);
    expect(() => parseJsonLines('\n\n', 'w.jsonl')).toThrow(EmptyDataError);
  });

  it('keeps only the asked columns and reads a file by path', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'jsonl-')), 'w.jsonl');
    await writeFile(file, '{"a": 1, "b": "x"}\n{"a": 2, "b": "y"}\n');
    const table = await readJsonLines(file, { columns: ['b'] });
    expect([...table.columns.keys()]).toEqual(['b']);
    expect(table.source).toBe(file);
  });
});
