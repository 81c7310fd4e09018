import { type Column, createRng, nextGaussian, type Rng } from '@repo/tabular';
import { describe, expect, it } from 'vitest';
import { type DriftTable, datasetDrift } from '../src/dataset-drift';
import { ColumnMismatchError, DriftOptionError } from '../src/errors';
import { categorical, numeric } from './columns';

const AGE_STD = 60 / Math.sqrt(12);

function pick(rng: Rng, levels: readonly string[], weights: readonly number[]): string {
  let u = rng.next();
  for (let i = 0; i < levels.length; i++) {
    u -= weights[i] as number;
    if (u < 0) return levels[i] as string;
  }
  return levels[levels.length - 1] as string;
}

/**
 * A table of 4 numeric and 2 categorical columns from fixed distributions; `shift` moves `score`
 * and `age` by half of their standard deviation.
 */
function draw(seed: number, rows: number, shift = false): DriftTable {
  const rng = createRng(seed);
  const income = new Float64Array(rows);
  const age = new Float64Array(rows);
  const score = new Float64Array(rows);
  const visits = new Float64Array(rows);
  const region: string[] = [];
  const plan: string[] = [];
  for (let i = 0; i < rows; i++) {
    income[i] = Math.exp(10 + 0.5 * nextGaussian(rng));
    age[i] = 18 + 60 * rng.next() + (shift ? 0.5 * AGE_STD : 0);
    score[i] = nextGaussian(rng) + (shift ? 0.5 : 0);
    visits[i] = Math.floor(-Math.log(1 - rng.next()) * 3);
    region.push(pick(rng, ['north', 'south', 'east', 'west'], [0.4, 0.3, 0.2, 0.1]));
    plan.push(pick(rng, ['basic', 'pro'], [0.7, 0.3]));
  }
  const columns: Column[] = [
    numeric('income', income),
    numeric('age', age),
    numeric('score', score),
    numeric('visits', visits),
    categorical('region', region),
    categorical('plan', plan),
  ];
  return { columns: new Map(columns.map((c) => [c.name, c])) };
}

const WINDOWS = 200;

interface Rates {
  datasetAlarms: number;
  columnAlarms: number;
  caughtBoth: number;
  methods: string;
}

function rates(referenceRows: number, windowRows: number): Rates {
  const reference = draw(1, referenceRows);
  let datasetAlarms = 0;
  let columnAlarms = 0;
  let caughtBoth = 0;
  let methods = '';
  for (let w = 0; w < WINDOWS; w++) {
    const same = datasetDrift(reference, draw(1000 + w, windowRows));
    if (same.drifted) datasetAlarms++;
    columnAlarms += same.driftedColumns;
    methods = same.columns.map((c) => `${c.column}:${c.method}`).join(' ');
    const shifted = datasetDrift(reference, draw(5000 + w, 2000, true));
    const flagged = new Set(shifted.columns.filter((c) => c.drifted).map((c) => c.column));
    if (flagged.has('score') && flagged.has('age')) caughtBoth++;
  }
  return {
    datasetAlarms: datasetAlarms / WINDOWS,
    columnAlarms: columnAlarms / (WINDOWS * 6),
    caughtBoth: caughtBoth / WINDOWS,
    methods,
  };
}

describe('datasetDrift', () => {
  for (const [referenceRows, windowRows] of [
    [5000, 2000],
    [1000, 500],
  ] as const) {
    it(`raises dataset drift in at most 5% of ${WINDOWS} same-distribution windows and catches a ½σ shift in two features every time (reference ${referenceRows} rows)`, () => {
      const r = rates(referenceRows, windowRows);
      console.log(
        `drift rates, reference ${referenceRows} rows, windows of ${windowRows} rows (shifted: 2000), ${WINDOWS} seeded windows each: ` +
          `dataset false alarms ${(100 * r.datasetAlarms).toFixed(1)}%, column false alarms ${(100 * r.columnAlarms).toFixed(1)}%, ` +
          `½σ shift caught in both features ${(100 * r.caughtBoth).toFixed(1)}% [${r.methods}]`,
      );
      expect(r.datasetAlarms).toBeLessThanOrEqual(0.05);
      expect(r.caughtBoth).toBe(1);
    });
  }

  it('gives the share of drifted columns and the verdict against driftShare, both overridable', () => {
    const reference = draw(1, 3000);
    const shifted = draw(2, 3000, true);
    const result = datasetDrift(reference, shifted);
    expect(result.columns.map((c) => c.column)).toEqual([
      'income',
      'age',
      'score',
      'visits',
      'region',
      'plan',
    ]);
    expect(result.driftedColumns).toBe(2);
    expect(result.share).toBeCloseTo(2 / 6, 15);
    expect(result.driftShare).toBe(0.5);
    expect(result.drifted).toBe(false);
    expect(datasetDrift(reference, shifted, { driftShare: 0.3 }).drifted).toBe(true);
  });

  it('applies defaults to every column and lets a column entry override them', () => {
    const reference = draw(1, 3000);
    const current = draw(3, 3000);
    const result = datasetDrift(reference, current, {
      include: ['score', 'region'],
      defaults: { method: 'psi' },
      columns: { score: { method: 'ks', threshold: 0.01 } },
    });
    expect(result.columns.map((c) => [c.column, c.method, c.threshold])).toEqual([
      ['score', 'ks', 0.01],
      ['region', 'psi', 0.1],
    ]);
  });

  it('lets the rules move the default thresholds', () => {
    const reference = draw(1, 3000);
    const result = datasetDrift(reference, draw(4, 3000), {
      rules: { thresholds: { wasserstein: 0.02 } },
    });
    expect(result.columns.find((c) => c.column === 'score')?.threshold).toBe(0.02);
  });

  it('skips date columns unless asked for them, and rejects missing columns and unknown column options', () => {
    const reference = draw(1, 100);
    const date: Column = { kind: 'date', name: 'day', values: Float64Array.of(1) };
    const withDate = { columns: new Map([...reference.columns, ['day', date]]) };
    expect(datasetDrift(withDate, withDate).skipped).toEqual(['day']);
    expect(() => datasetDrift(withDate, withDate, { include: ['day'] })).toThrow(
      ColumnMismatchError,
    );
    const fewer = { columns: new Map([...reference.columns].slice(0, 2)) };
    expect(() => datasetDrift(reference, fewer)).toThrow(
      /column "score" is missing from the current data/,
    );
    expect(() =>
      datasetDrift(reference, reference, { columns: { scroe: { method: 'ks' } } }),
    ).toThrow(DriftOptionError);
    expect(() => datasetDrift(reference, reference, { driftShare: 0 })).toThrow(/driftShare is 0/);
  });
});
