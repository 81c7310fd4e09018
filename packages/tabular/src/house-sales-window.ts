import { generateHouseSales } from './house-sales';
import type { Table } from './types';

/**
 * Which months of the example market a window is drawn from:
 * - `fresh`: the three months after the template's 30 months of data, in which the market keeps
 *   moving (bigger houses, a gentrified neighborhood, higher prices): a drifted window;
 * - `training`: the first 21 months, the ones the example model trains on (its time split keeps the
 *   earliest 70% of the sales for training): a window without drift.
 */
export type ExampleWindow = 'fresh' | 'training';

export const EXAMPLE_WINDOWS: readonly ExampleWindow[] = ['fresh', 'training'];

const WINDOWS: Readonly<
  Record<ExampleWindow, { firstMonth: number; months: number; seed: number }>
> = {
  fresh: { firstMonth: 30, months: 3, seed: 4242 },
  training: { firstMonth: 0, months: 21, seed: 4243 },
};

/**
 * A window of new house sales for the example model's drift checks: the same generator as the
 * template's data (`generateHouseSales`, same columns), other seeds, the months of `window`.
 * Deterministic: the same window, rows and seed give the same table.
 */
export function generateHouseSalesWindow(
  window: ExampleWindow,
  options: { readonly rows?: number; readonly seed?: number } = {},
): Table {
  const spec = WINDOWS[window];
  const table = generateHouseSales({
    rows: options.rows ?? 1500,
    seed: options.seed ?? spec.seed,
    months: spec.months,
    firstMonth: spec.firstMonth,
  });
  return { ...table, source: `example ${window} window of house sales` };
}
