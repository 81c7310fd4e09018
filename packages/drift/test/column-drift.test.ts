import { describe, expect, it } from 'vitest';
import { columnDrift } from '../src/column-drift';
import { ColumnMismatchError, DriftOptionError, EmptySampleError } from '../src/errors';
import type { DriftMethod } from '../src/options';
import { categorical, numeric } from './columns';
import { expectClose, expected, sample } from './expected';

const labels = (counts: Record<string, number>, missing = 0): (string | null)[] => [
  ...Object.entries(counts).flatMap(([level, n]) => Array<string | null>(n).fill(level)),
  ...Array<null>(missing).fill(null),
];

describe('columnDrift', () => {
  it('drops missing values, reports their rates and gives scipy’s KS p-value on the rest', () => {
    const ref = [...sample('n100'), Number.NaN, Number.POSITIVE_INFINITY];
    const cur = [...sample('n100_shift'), Number.NaN, Number.NaN, Number.NaN, Number.NaN];
    const result = columnDrift(numeric('x', ref), numeric('x', cur));
    const scipy = expected.ksTwoSample.find(
      (c) => c.reference === 'n100' && c.current === 'n100_shift',
    );
    expect(result.method).toBe('ks');
    expect(result.scoreKind).toBe('p-value');
    expectClose(result.score, scipy?.pValue ?? Number.NaN, 'p-value');
    expectClose(result.details.statistic, scipy?.statistic ?? Number.NaN, 'D');
    expect(result.details.ksMethod).toBe('exact');
    expect(result.details.reference).toEqual({ rows: 102, missing: 2, missingRate: 2 / 102 });
    expect(result.details.current).toEqual({ rows: 104, missing: 4, missingRate: 4 / 104 });
    expect(result.drifted).toBe(true); // p ≈ 0.0037 ≤ 0.05
  });

  it('gives a histogram of both samples over shared Sturges edges', () => {
    const result = columnDrift(numeric('x', sample('n3000')), numeric('x', sample('n5000')));
    const h = result.details.histogram;
    expect(h.kind).toBe('numeric');
    if (h.kind !== 'numeric') return;
    expect(h.edges.length).toBe(h.reference.length + 1);
    expect(h.reference.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(h.current.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(h.edges.length - 1).toBe(Math.ceil(Math.log2(8000) + 1));
  });

  it('reports levels the reference never saw with their counts and keeps them out of the chi-square test', () => {
    const ref = categorical('colour', labels({ red: 300, green: 200, blue: 100 }, 10));
    const cur = categorical(
      'colour',
      labels({ blue: 50, green: 100, red: 150, teal: 7, mauve: 3 }, 30),
    );
    const result = columnDrift(ref, cur);
    expect(result.method).toBe('chisquare');
    expect(result.details.newLevels).toEqual([
      { level: 'teal', count: 7 },
      { level: 'mauve', count: 3 },
    ]);
    expect(result.details.newLevelRate).toBeCloseTo(10 / 310, 15);
    expect(result.details.current.missingRate).toBeCloseTo(30 / 340, 15);
    // The known levels are exactly in the reference proportions: nothing drifts there.
    expect(result.score).toBeCloseTo(1, 12);
    expect(result.drifted).toBe(false);
    const h = result.details.histogram;
    expect(h).toEqual({
      kind: 'categorical',
      levels: ['blue', 'green', 'mauve', 'red', 'teal'],
      reference: [100, 200, 0, 300, 0],
      current: [50, 100, 3, 150, 7],
    });
  });

  it('counts new levels in Jensen–Shannon and PSI, as Evidently does', () => {
    const ref = categorical('c', labels({ a: 500, b: 500 }));
    const cur = categorical('c', labels({ a: 500, b: 300, c: 200 }));
    const js = columnDrift(ref, cur, { method: 'jensenshannon' });
    expect(js.score).toBeGreaterThan(0.1);
    expect(js.drifted).toBe(true);
    expect(js.details.newLevels).toEqual([{ level: 'c', count: 200 }]);
    const psi = columnDrift(ref, cur, { method: 'psi' });
    const r = [0.5, 0.5, 0.0001];
    const c = [0.5, 0.3, 0.2];
    const wanted = r.reduce(
      (s, ri, i) => s + (ri - (c[i] as number)) * Math.log(ri / (c[i] as number)),
      0,
    );
    expect(psi.score).toBeCloseTo(wanted, 12);
  });

  it('maps levels by label, not by code, when the two sides were encoded separately', () => {
    const ref = categorical('c', labels({ x: 10, y: 20 }));
    const cur = categorical('c', labels({ y: 20, x: 10 }));
    expect(cur.levels).toEqual(['y', 'x']);
    expect(columnDrift(ref, cur).score).toBe(1);
  });

  it('uses the method and threshold given, with p ≤ threshold and distance ≥ threshold as drift', () => {
    const ref = numeric('x', sample('n3000'));
    const cur = numeric('x', sample('n5000'));
    const methods: DriftMethod[] = ['ks', 'wasserstein', 'jensenshannon', 'psi', 'chisquare', 'z'];
    for (const method of methods) {
      const result = columnDrift(ref, cur, { method });
      expect(result.method).toBe(method);
      expect(result.methodSource).toBe('option');
      const atScore = columnDrift(ref, cur, { method, threshold: result.score });
      expect(atScore.drifted, method).toBe(true);
    }
    const strict = columnDrift(ref, cur, { method: 'wasserstein', threshold: 0.01 });
    expect(strict.score).toBeGreaterThan(0.01);
    expect(strict.drifted).toBe(true);
    expect(columnDrift(ref, cur, { method: 'ks', threshold: 0.01 }).drifted).toBe(false);
  });

  it('normalises Wasserstein by the reference standard deviation and keeps the raw distance', () => {
    const c = expected.wasserstein.find((w) => w.reference === 'n3000');
    const result = columnDrift(numeric('x', sample('n3000')), numeric('x', sample('n5000')), {
      method: 'wasserstein',
    });
    expectClose(result.score, c?.normed ?? Number.NaN, 'normed');
    expectClose(result.details.statistic, c?.distance ?? Number.NaN, 'distance');
    expect(result.details.pValue).toBeUndefined();
  });

  it('rejects mismatched kinds, date columns, KS on categories, empty sides, bad thresholds and unknown methods', () => {
    const x = numeric('x', [1, 2, 3]);
    const c = categorical('x', ['a', 'b']);
    expect(() => columnDrift(x, c)).toThrow(ColumnMismatchError);
    const date = { kind: 'date', name: 'd', values: Float64Array.of(1) } as unknown as typeof x;
    expect(() => columnDrift(date, date)).toThrow(/date columns are not drift-checked/);
    expect(() => columnDrift(c, c, { method: 'ks' })).toThrow(DriftOptionError);
    expect(() => columnDrift(x, numeric('x', [Number.NaN]))).toThrow(EmptySampleError);
    expect(() => columnDrift(x, numeric('x', [Number.NaN]))).toThrow(
      /column "x": the current data/,
    );
    expect(() => columnDrift(x, x, { method: 'ks', threshold: 2 })).toThrow(/threshold 2 for ks/);
    expect(() => columnDrift(x, x, { method: 'kl' as DriftMethod })).toThrow(
      /unknown drift method "kl"/,
    );
  });

  it('gives every error the invalid-input exit code 3', () => {
    try {
      columnDrift(numeric('x', [1]), numeric('x', []));
      expect.unreachable();
    } catch (error) {
      expect((error as { exitCode: number }).exitCode).toBe(3);
    }
  });
});
