import { mkdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { generateHouseSales, writeCsv } from '@repo/tabular';
import type { PipelineContext } from './context';
import { WorkspaceError } from './errors';

/** Where the example model expects its data, relative to the repository root. */
export const EXAMPLE_DATA_FILE = join('data', 'house-sales', 'sales.csv');

/**
 * Writes the template's example data (deterministic house sales over 30 months with drift in the
 * later months) to `data/house-sales/sales.csv`. Same rows and seed, same bytes.
 */
export async function generateExampleData(
  ctx: PipelineContext,
  options: { readonly rows?: number | undefined; readonly seed?: number | undefined } = {},
) {
  const rows = options.rows ?? 12_000;
  const seed = options.seed ?? 42;
  if (!Number.isInteger(rows) || rows < 100)
    throw new WorkspaceError(`--rows must be a whole number ≥ 100, not ${options.rows}`);
  if (!Number.isInteger(seed) || seed < 0)
    throw new WorkspaceError(`--seed must be a whole number ≥ 0, not ${options.seed}`);
  const file = join(ctx.paths.root, EXAMPLE_DATA_FILE);
  await mkdir(dirname(file), { recursive: true });
  const table = generateHouseSales({ rows, seed });
  await writeCsv(table, file);
  return {
    file,
    rows,
    seed,
    message: `wrote ${rows} rows to ${relative(ctx.paths.root, file)}; track it with \`mlops data add data\` and \`mlops data push\``,
  };
}
