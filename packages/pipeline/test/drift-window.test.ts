import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv, type Table } from '@repo/tabular';
import { describe, expect, it } from 'vitest';
import { profileTable } from '../src/data-profile';
import { DriftSourceError, WindowDataError } from '../src/drift-errors';
import { tableFromProfile } from '../src/profile-reference';
import { applyTimeWindow, spanStart } from '../src/time-window';
import { readWindow } from '../src/window-source';
import { expandWorkspaceGlob } from '../src/workspace-glob';

const csv = (text: string, types = {}) => parseCsv(Buffer.from(text), 'w.csv', { types });
const days = (table: Table) => {
  const column = table.columns.get('day');
  return column?.kind === 'date'
    ? [...column.values].map((v) => new Date(v).toISOString().slice(0, 10))
    : [];
};

describe('the time window', () => {
  const table = csv('day,x\n2025-01-01,1\n2025-02-10,2\n2025-03-01,3\n2025-03-31,4\n,5\n', {
    day: 'date',
  });

  it('keeps the last 30 days before the latest row, whatever the wall clock says', () => {
    expect(days(applyTimeWindow(table, { column: 'day', last: '30d' }).table)).toEqual([
      '2025-03-31',
    ]);
    const windowed = applyTimeWindow(table, { column: 'day', last: '31d' });
    expect(days(windowed.table)).toEqual(['2025-03-01', '2025-03-31']);
    expect(windowed).toMatchObject({ from: '2025-03-01', to: '2025-03-31' });
  });

  it('counts weeks and calendar months, and keeps inclusive from/to days', () => {
    expect(days(applyTimeWindow(table, { column: 'day', last: '2m' }).table)).toEqual([
      '2025-02-10',
      '2025-03-01',
      '2025-03-31',
    ]);
    expect(new Date(spanStart('1w', Date.UTC(2025, 2, 31))).toISOString().slice(0, 10)).toBe(
      '2025-03-25',
    );
    expect(
      days(applyTimeWindow(table, { column: 'day', from: '2025-02-10', to: '2025-03-01' }).table),
    ).toEqual(['2025-02-10', '2025-03-01']);
  });

  it('names the column when it is absent or not a date', () => {
    expect(() => applyTimeWindow(table, { column: 'sale_date', last: '30d' })).toThrow(
      WindowDataError,
    );
    expect(() => applyTimeWindow(table, { column: 'x', last: '30d' })).toThrow(
      'the window column "x" is numeric, not a date',
    );
  });
});

describe('the window source', () => {
  async function workspace(files: Record<string, string>): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), 'window-'));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(root, path, '..'), { recursive: true });
      await writeFile(join(root, path), text);
    }
    return root;
  }

  it('expands a glob inside the workspace in sorted order', async () => {
    const root = await workspace({
      'incoming/b.csv': 'x\n1\n',
      'incoming/a.csv': 'x\n2\n',
      'incoming/old/c.csv': 'x\n3\n',
      'incoming/n.txt.bak': '',
    });
    expect(await expandWorkspaceGlob(root, 'incoming/*.csv')).toEqual([
      'incoming/a.csv',
      'incoming/b.csv',
    ]);
    expect(await expandWorkspaceGlob(root, 'incoming/**/*.csv')).toEqual([
      'incoming/a.csv',
      'incoming/b.csv',
      'incoming/old/c.csv',
    ]);
  });

  it('reads CSV and JSON Lines files of one window together, declaring kinds only for present columns', async () => {
    const root = await workspace({
      'in/a.csv': 'x,hood\n1,A\n',
      'in/b.jsonl': '{"x": 2, "hood": "B", "extra": true}\n',
    });
    const window = await readWindow(
      root,
      { kind: 'path', pattern: 'in/*' },
      { x: 'numeric', hood: 'categorical', price: 'numeric' },
      'm',
    );
    expect(window.label).toBe('in/a.csv, in/b.jsonl');
    expect(window.table?.rowCount).toBe(2);
    expect(window.md5).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps only the records of the model from a log of served requests', async () => {
    const log = [
      '{"x": 1, "model": "m", "version": "1.0.0", "prediction": 10, "timestamp": "2025-07-01T10:00:00Z"}',
      '{"x": 2, "model": "other", "timestamp": "2025-07-01T11:00:00Z"}',
      '{"x": 3, "timestamp": "2025-07-02T09:30:00Z"}',
    ].join('\n');
    const root = await workspace({ 'logs/requests.jsonl': log });
    const window = await readWindow(
      root,
      { kind: 'path', pattern: 'logs/requests.jsonl', format: 'requests' },
      { x: 'numeric' },
      'm',
    );
    const x = window.table?.columns.get('x');
    expect(x?.kind === 'numeric' && [...x.values]).toEqual([1, 3]);
    expect(window.table?.columns.get('timestamp')?.kind).toBe('date');
  });

  it('treats header-only files as no rows and refuses a pattern matching nothing', async () => {
    const root = await workspace({ 'in/a.csv': 'x\n' });
    expect(
      (await readWindow(root, { kind: 'path', pattern: 'in/*.csv' }, {}, 'm')).table,
    ).toBeNull();
    await expect(
      readWindow(root, { kind: 'path', pattern: 'in/*.jsonl' }, {}, 'm'),
    ).rejects.toThrow(DriftSourceError);
    await expect(
      readWindow(root, { kind: 'path', pattern: 'in/*.csv' }, {}, 'm').then(() =>
        readWindow(root, { kind: 'path', pattern: 'in/a.csv', format: undefined }, {}, 'm'),
      ),
    ).resolves.toBeDefined();
  });
});

describe('the profile fallback reference', () => {
  it('keeps the counts, missing rates, frequencies and deciles of the profiled training rows', () => {
    const values = Array.from({ length: 200 }, (_, i) =>
      i % 17 === 0 ? '' : String((i * 37) % 101),
    );
    const hoods = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 'A' : 'B'));
    const table = csv(`x,hood\n${values.map((v, i) => `${v},${hoods[i]}`).join('\n')}\n`, {
      x: 'numeric',
      hood: 'categorical',
    });
    const profile = profileTable(table, ['x', 'hood']);
    const rebuilt = profileTable(tableFromProfile(profile, 'profile.json'), ['x', 'hood']);
    expect(rebuilt.rows).toBe(200);
    expect(rebuilt.columns.hood).toEqual(profile.columns.hood);
    const [a, b] = [profile.columns.x, rebuilt.columns.x];
    if (a?.kind !== 'numeric' || b?.kind !== 'numeric')
      throw new Error('numeric profiles expected');
    expect(b.missing).toBe(a.missing);
    expect(b.count).toBe(a.count);
    for (const [i, d] of b.deciles.entries())
      expect(Math.abs(d - (a.deciles[i] ?? 0))).toBeLessThan(10);
  });
});
