import { datasetDrift } from '@repo/drift';
import type { DriftReportData } from '../src/index';

/** A numeric column of `n` rows: a seeded-free deterministic sawtooth shifted by `shift`. */
function numeric(name: string, n: number, shift: number) {
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = ((i * 7919) % 1000) / 10 + shift;
  return { kind: 'numeric' as const, name, values };
}

function categorical(name: string, n: number, levels: string[], skew: number) {
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = (i * 31 + (i % 10 < skew ? 1 : 0)) % levels.length;
  return { kind: 'categorical' as const, name, codes, levels };
}

const table = (rows: number, shift: number, skew: number) => ({
  columns: new Map<string, ReturnType<typeof numeric> | ReturnType<typeof categorical>>([
    ['size', numeric('size', rows, shift)],
    ['stable', numeric('stable', rows, 0)],
    ['hood', categorical('hood', rows, ['a', 'b', 'c', 'd'], skew)],
  ]),
});

/** A report over `rows` current rows where `size` drifted and the others did not. */
export function reportFixture(rows = 2000): DriftReportData {
  const dataset = datasetDrift(table(3000, 0, 0), table(rows, 30, 0));
  return {
    model: 'house-prices',
    status: dataset.drifted ? 'drift' : 'no-drift',
    lineage: {
      releaseTag: 'house-prices@v1.0.0',
      version: '1.0.0',
      referenceDataMd5: '4c6fdb71ccd1aa4bd6f1f8e2eed986a0.dir',
      referenceFrom: 'dvc',
      referenceRows: 3000,
      currentSource: 'incoming/house-prices/window.csv',
      currentMd5: 'd686248049a83953d34cdca22523ff7a',
      currentRowsRead: rows,
      currentRows: rows,
      minRows: 100,
      window: null,
    },
    dataset,
    prediction: dataset.columns[0] ?? null,
    concept: {
      metric: 'rmse',
      direction: 'lower',
      release: 100,
      current: 130,
      interval: { estimate: 30, lower: 15, upper: 45, confidence: 0.95, resamples: 1000 },
      tolerance: 0.1,
      degraded: true,
      rows,
    },
    groups: [
      {
        group: 'hood',
        metric: 'mape',
        levels: [
          { level: 'a', count: 10, value: 0.1 },
          { level: 'b', count: 12, value: 0.3 },
        ],
        gap: { gap: 0.2, min: { level: 'a', value: 0.1 }, max: { level: 'b', value: 0.3 } },
      },
    ],
    retrain: { recommended: true, reasons: ['dataset-drift'] },
    notes: [],
  };
}
