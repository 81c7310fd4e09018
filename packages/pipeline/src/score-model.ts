import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelConfig } from '@repo/config';
import { inverseTarget, parsePreprocessor, targetValues, transformTable } from '@repo/features';
import {
  classificationMetrics,
  groupMetrics,
  measureLatency,
  regressionMetrics,
} from '@repo/metrics';
import type { GroupMetrics, MetricValues } from '@repo/report';
import type { Table } from '@repo/tabular';
import { loadModel, predict } from '@repo/train';
import { MODEL_FILES } from './artifact-digest';

export interface ModelScore {
  readonly metrics: MetricValues;
  readonly groups: GroupMetrics;
}

/** Timed predictions per batch size for latency percentiles. */
const LATENCY = { warmup: 5, iterations: 40 } as const;

/**
 * Scores the model stored in `dir` (TF.js files plus its own preprocessing) on `rows` of `table`:
 * task metrics on the original target scale, the same metrics per level of each group column,
 * prediction latency at batch 1 and 1000, and the size of the model files.
 */
export async function scoreModel(
  dir: string,
  config: ModelConfig,
  table: Table,
  rows: Int32Array,
): Promise<ModelScore> {
  const preprocessor = parsePreprocessor(
    await readFile(join(dir, 'preprocessor.json'), 'utf8'),
    join(dir, 'preprocessor.json'),
  );
  const model = await loadModel(dir);
  try {
    const features = transformTable(preprocessor, table, rows);
    const raw = predict(model, features.x, features.width);
    const y = targetValues(preprocessor, table, rows);
    const task = config.task;
    const yhat = task === 'regression' ? inverseTarget(preprocessor, raw) : Float64Array.from(raw);
    const score = (
      truth: ArrayLike<number>,
      predicted: ArrayLike<number>,
    ): Record<string, number> =>
      task === 'regression'
        ? { ...regressionMetrics(truth, predicted) }
        : { ...classificationMetrics(truth, predicted) };

    const groups: Record<string, Record<string, MetricValues>> = {};
    for (const group of config.groups) {
      const column = table.columns.get(group);
      if (column?.kind !== 'categorical') continue;
      const codes = Int32Array.from(rows, (row) => column.codes[row] ?? -1);
      groups[group] = groupMetrics(y, yhat, codes, column.levels, score) as Record<
        string,
        MetricValues
      >;
    }

    const batchOf = (size: number) => {
      const batch = new Float32Array(size * features.width);
      for (let i = 0; i < size; i++) {
        const source = i % features.rows;
        batch.set(
          features.x.subarray(source * features.width, (source + 1) * features.width),
          i * features.width,
        );
      }
      return batch;
    };
    const latency = await measureLatency(
      (batch: Float32Array) => predict(model, batch, features.width),
      batchOf,
      LATENCY,
    );
    let sizeBytes = 0;
    for (const name of MODEL_FILES) sizeBytes += (await stat(join(dir, name))).size;
    return {
      metrics: {
        ...score(y, yhat),
        latency_p50_ms: latency.batch1.p50,
        latency_p95_ms: latency.batch1.p95,
        latency_p99_ms: latency.batch1.p99,
        latency_b1000_p50_ms: latency.batch1000.p50,
        latency_b1000_p95_ms: latency.batch1000.p95,
        latency_b1000_p99_ms: latency.batch1000.p99,
        size_bytes: sizeBytes,
      },
      groups,
    };
  } finally {
    model.dispose();
  }
}
