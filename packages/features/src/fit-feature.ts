import { categoricalColumn, numericColumn } from './columns';
import { FeatureFitError } from './errors';
import type { PreprocessSpec } from './spec';
import type { CategoricalFeatureState, NumericFeatureState } from './state';
import { mean, median, populationStd, safeScale } from './statistics';
import type { TableLike } from './table';

/** Orders strings by UTF-16 code units, independent of locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Fits a numeric feature on the training rows: the impute value (mean or median of the
 * non-missing training values, or 0), then mean and population std of the imputed column.
 */
export function fitNumericFeature(
  table: TableLike,
  name: string,
  missing: PreprocessSpec['missing']['numeric'],
  trainRows: Int32Array,
): NumericFeatureState {
  const column = numericColumn(table, name, 'feature');
  const observed: number[] = [];
  for (const row of trainRows) {
    const v = column.values[row] as number;
    if (!Number.isNaN(v)) observed.push(v);
  }
  let imputeValue = 0;
  if (missing !== 'zero') {
    if (observed.length === 0) {
      throw new FeatureFitError(
        `${table.source}: feature column "${name}" has no non-missing value in the ${trainRows.length} training rows, so its ${missing} cannot be imputed`,
      );
    }
    const values = Float64Array.from(observed);
    imputeValue = missing === 'mean' ? mean(values) : median(values);
  }
  const imputed = new Float64Array(trainRows.length);
  trainRows.forEach((row, i) => {
    const v = column.values[row] as number;
    imputed[i] = Number.isNaN(v) ? imputeValue : v;
  });
  const center = mean(imputed);
  return {
    kind: 'numeric',
    name,
    missing,
    imputeValue,
    mean: center,
    std: safeScale(populationStd(imputed, center)),
  };
}

/**
 * Fits a categorical feature on the training rows: the levels that occur in them (sorted)
 * and, for `mode`, the most frequent one (ties go to the first level in sorted order).
 */
export function fitCategoricalFeature(
  table: TableLike,
  name: string,
  missing: PreprocessSpec['missing']['categorical'],
  trainRows: Int32Array,
): CategoricalFeatureState {
  const column = categoricalColumn(table, name, 'feature');
  const counts = new Map<string, number>();
  for (const row of trainRows) {
    const code = column.codes[row] as number;
    if (code < 0) continue;
    const level = column.levels[code];
    if (level === undefined) continue;
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  const levels = [...counts.keys()].sort(compareCodeUnits);
  let imputeLevel: string | null = null;
  if (missing === 'mode') {
    let best = 0;
    for (const level of levels) {
      const count = counts.get(level) ?? 0;
      if (count > best) {
        best = count;
        imputeLevel = level;
      }
    }
    if (imputeLevel === null) {
      throw new FeatureFitError(
        `${table.source}: feature column "${name}" has no non-missing value in the ${trainRows.length} training rows, so its mode cannot be imputed`,
      );
    }
  }
  return { kind: 'categorical', name, missing, levels, imputeLevel };
}
