import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelConfig } from '@repo/config';
import {
  createContext,
  type EvaluationSummary,
  evaluateModel,
  type TrainSummary,
  trainModel,
} from '@repo/pipeline';
import { columnTypesFor, readCsv, type Split, splitRows, type Table } from '@repo/tabular';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKcHouseWorkspace,
  KC_HOUSE_CSV,
  KC_HOUSE_MODEL,
  kcHouseDataPresent,
} from './kc-house-workspace';

/** Measured R² on the time-based test split is 0.882 (see docs/real-data.md); the floor leaves room. */
const R2_FLOOR = 0.75;
/** Measured MAPE is 0.133. */
const MAPE_CEILING = 0.2;

function dateValues(table: Table, name: string): Float64Array {
  const column = table.columns.get(name);
  if (column?.kind !== 'date') throw new Error(`${name} was not read as a date column`);
  return column.values;
}

function extremes(values: Float64Array, rows: Int32Array): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    const value = values[row] ?? Number.NaN;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}

describe.skipIf(!kcHouseDataPresent())(`the real King County house sales (${KC_HOUSE_CSV})`, () => {
  let root = '';
  let config: ModelConfig;
  let trained: TrainSummary;
  let evaluation: EvaluationSummary;
  /** The data and its split, read again with the functions the pipeline uses, to check the evaluation. */
  let table: Table;
  let split: Split;

  beforeAll(async () => {
    const workspace = await createKcHouseWorkspace();
    root = workspace.root;
    config = workspace.loaded.config;
    const ctx = createContext({ root, backend: 'wasm', progress: null });
    trained = await trainModel(ctx, KC_HOUSE_MODEL);
    evaluation = await evaluateModel(ctx, KC_HOUSE_MODEL);
    const file = config.data.files[0] ?? '';
    table = await readCsv(join(root, file), { types: columnTypesFor(config) });
    split = splitRows(table, config.split, config.seed);
  }, 120_000);

  afterAll(async () => {
    if (root !== '') await rm(root, { recursive: true, force: true });
  });

  it('trains on the wasm backend and stops within the epoch budget', () => {
    expect(trained.backend).toBe('wasm');
    expect(trained.dataMd5).toBe('untracked');
    expect(trained.epochsRun).toBeGreaterThanOrEqual(1);
    expect(trained.epochsRun).toBeLessThanOrEqual(config.training.epochs);
    expect(trained.bestEpoch).toBeLessThanOrEqual(trained.epochsRun);
  });

  it('predicts the latest sales with a sensible R² and percentage error', () => {
    const { r2, mape, rmse } = evaluation.candidate.metrics;
    expect(r2).toBeGreaterThanOrEqual(R2_FLOOR);
    expect(r2).toBeLessThan(1);
    expect(mape).toBeLessThanOrEqual(MAPE_CEILING);
    // Prices are in dollars: an RMSE below the median King County price (about $450,000).
    expect(rmse).toBeGreaterThan(0);
    expect(rmse).toBeLessThan(450_000);
  });

  it('passes every quality gate of its config', () => {
    expect(evaluation.gates.map((gate) => gate.gate.type)).toEqual(
      config.gates.map((gate) => gate.type),
    );
    expect(evaluation.gates.filter((gate) => !gate.passed)).toEqual([]);
    expect(evaluation.passed).toBe(true);
  });

  it('trains on the earliest sales and tests on the latest ones', () => {
    expect(split.train.length).toBe(evaluation.trainRows);
    expect(split.test.length).toBe(evaluation.testRows);
    expect(split.train.length + split.validation.length + split.test.length).toBe(21_612);

    const dates = dateValues(table, config.split.timeColumn ?? '');
    const train = extremes(dates, split.train);
    const validation = extremes(dates, split.validation);
    const test = extremes(dates, split.test);
    expect(train.max).toBeLessThanOrEqual(validation.min);
    expect(validation.max).toBeLessThanOrEqual(test.min);
    expect(train.max).toBeLessThanOrEqual(test.min);
    // The sales run from 2014-05-02 to 2015-05-27; the test rows are the last of them.
    expect(new Date(train.min).toISOString().slice(0, 10)).toBe('2014-05-02');
    expect(new Date(test.max).toISOString().slice(0, 10)).toBe('2015-05-27');
    expect(test.min).toBeGreaterThan(Date.UTC(2015, 0, 1));
  });

  it('scores each zip code on exactly the zip codes of the latest sales', () => {
    const byZip = evaluation.candidate.groups.zipcode;
    expect(byZip).toBeDefined();
    const levels = Object.entries(byZip ?? {});
    expect(levels.length).toBeGreaterThan(50);

    const zip = table.columns.get('zipcode');
    if (zip?.kind !== 'categorical') throw new Error('zipcode was not read as categorical');
    // The latest `testRows` sales, sorted here by (date, file order) without the pipeline's split.
    const dates = dateValues(table, 'date');
    const byDate = Array.from({ length: table.rowCount }, (_, row) => row).sort(
      (a, b) => (dates[a] ?? 0) - (dates[b] ?? 0) || a - b,
    );
    const latest = byDate.slice(table.rowCount - evaluation.testRows);
    const expected = new Map<string, number>();
    for (const row of latest) {
      const level = zip.levels[zip.codes[row] ?? -1] ?? '';
      expected.set(level, (expected.get(level) ?? 0) + 1);
    }
    const counts = new Map(levels.map(([level, metrics]) => [level, metrics.count]));
    expect(counts).toEqual(expected);
    for (const [, metrics] of levels) {
      expect(Number.isFinite(metrics.mape)).toBe(true);
      expect(Number.isFinite(metrics.rmse)).toBe(true);
    }
  });

  it('writes a report that names the model and its zip-code breakdown', () => {
    expect(existsSync(evaluation.reportFile)).toBe(true);
    expect(evaluation.markdown).toContain(KC_HOUSE_MODEL);
    expect(evaluation.markdown).toContain('zipcode');
  });
});
