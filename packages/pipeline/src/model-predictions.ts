import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelConfig } from '@repo/config';
import { inverseTarget, parsePreprocessor, transformTable } from '@repo/features';
import type { Table } from '@repo/tabular';
import { loadModel, predict } from '@repo/train';

/**
 * The predictions of the model stored in `dir` (TF.js files and its own preprocessing, as
 * `scoreModel` reads them) on every row of each table, in order. One model load for all tables.
 */
export async function predictTables(
  dir: string,
  config: ModelConfig,
  tables: readonly Table[],
): Promise<Float64Array[]> {
  const file = join(dir, 'preprocessor.json');
  const preprocessor = parsePreprocessor(await readFile(file, 'utf8'), file);
  const model = await loadModel(dir);
  try {
    return tables.map((table) => {
      const features = transformTable(preprocessor, table);
      const raw = predict(model, features.x, features.width);
      return config.task === 'regression'
        ? inverseTarget(preprocessor, raw)
        : Float64Array.from(raw);
    });
  } finally {
    model.dispose();
  }
}
