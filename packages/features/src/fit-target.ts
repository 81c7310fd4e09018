import { numericColumn } from './columns';
import { TargetTransformError } from './errors';
import type { PreprocessSpec } from './spec';
import type { TargetState } from './state';
import { mean, populationStd, safeScale } from './statistics';
import type { TableLike } from './table';

/**
 * Fits the target transform on the training rows; every training target must be present,
 * and positive for `log`.
 */
export function fitTarget(
  table: TableLike,
  target: PreprocessSpec['target'],
  trainRows: Int32Array,
): TargetState {
  const column = numericColumn(table, target.name, 'target');
  const values = new Float64Array(trainRows.length);
  trainRows.forEach((row, i) => {
    const v = column.values[row] as number;
    if (Number.isNaN(v)) {
      throw new TargetTransformError(
        `${table.source}: row ${row + 1}: target "${target.name}" is missing in a training row`,
        row,
      );
    }
    if (target.transform === 'log' && !(v > 0)) {
      throw new TargetTransformError(
        `${table.source}: row ${row + 1}: target "${target.name}" is ${v}; the log transform needs positive values`,
        row,
      );
    }
    values[i] = target.transform === 'log' ? Math.log(v) : v;
  });
  if (target.transform === 'none') return { name: target.name, transform: 'none' };
  // Both transforms standardize what the network learns (ln y for `log`), so that the output
  // layer starts near the right scale whatever the unit of the target.
  const center = mean(values);
  return {
    name: target.name,
    transform: target.transform,
    mean: center,
    std: safeScale(populationStd(values, center)),
  };
}
