import { mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { defaultSourcePattern } from '@repo/config';
import { writeFileAtomic } from '@repo/registry';
import {
  EXAMPLE_WINDOWS,
  type ExampleWindow,
  generateHouseSalesWindow,
  toCsv,
} from '@repo/tabular';
import type { PipelineContext } from './context';
import { WorkspaceError } from './errors';

/** Where `mlops drift generate-window` writes by default: inside the example model's default source. */
export const EXAMPLE_WINDOW_FILE = join(
  dirname(defaultSourcePattern('house-prices')),
  'window.csv',
);

/**
 * Writes a window of the example market for `mlops drift house-prices`: `fresh` (the months after
 * the template data: drifted) or `training` (the training months: no drift), to `out` (default
 * `incoming/house-prices/window.csv`, the example's default `monitoring.source`). Written
 * atomically: never half-written.
 */
export async function generateExampleWindow(
  ctx: PipelineContext,
  options: {
    readonly window: string;
    readonly out?: string | undefined;
    readonly rows?: number | undefined;
    readonly seed?: number | undefined;
  },
) {
  if (!(EXAMPLE_WINDOWS as readonly string[]).includes(options.window)) {
    throw new WorkspaceError(
      `--window must be ${EXAMPLE_WINDOWS.join(' or ')}, not "${options.window}"`,
    );
  }
  const rows = options.rows ?? 1500;
  if (!Number.isInteger(rows) || rows < 1)
    throw new WorkspaceError(`--rows must be a whole number ≥ 1, not ${options.rows}`);
  if (options.seed !== undefined && !(Number.isInteger(options.seed) && options.seed >= 0)) {
    throw new WorkspaceError(`--seed must be a whole number ≥ 0, not ${options.seed}`);
  }
  const out = options.out ?? EXAMPLE_WINDOW_FILE;
  const file = isAbsolute(out) ? out : join(ctx.paths.root, out);
  const table = generateHouseSalesWindow(options.window as ExampleWindow, {
    rows,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, toCsv(table));
  return {
    file,
    rows,
    window: options.window,
    message: `wrote the ${options.window} window (${rows} rows) to ${relative(ctx.paths.root, file)}`,
  };
}
