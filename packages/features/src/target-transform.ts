import { numericColumn } from './columns';
import { TargetTransformError } from './errors';
import { resolveRows } from './rows';
import type { PreprocessorState } from './state';
import type { TableLike } from './table';

/**
 * The raw target values of `rows` of `table` (all rows when omitted), untransformed.
 */
export function targetValues(
  state: PreprocessorState,
  table: TableLike,
  rows?: Int32Array,
): Float64Array {
  const selected = resolveRows(table, rows);
  const values = numericColumn(table, state.target.name, 'target').values;
  return Float64Array.from(selected, (row) => values[row] as number);
}

/**
 * The target as the model learns it: `none` y' = y, `log` y' = (ln y − mean) / std (mean and std of ln y on the training rows),
 * `standardize` y' = (y − mean) / std. Missing (NaN) targets, and non-positive ones under `log`,
 * throw `TargetTransformError` naming the index.
 */
export function transformTarget(state: PreprocessorState, y: ArrayLike<number>): Float32Array {
  const target = state.target;
  const out = new Float32Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const v = y[i] as number;
    if (Number.isNaN(v)) {
      throw new TargetTransformError(`target "${target.name}" at index ${i} is missing`, i);
    }
    switch (target.transform) {
      case 'none':
        out[i] = v;
        break;
      case 'log':
        if (!(v > 0)) {
          throw new TargetTransformError(
            `target "${target.name}" at index ${i} is ${v}; the log transform needs positive values`,
            i,
          );
        }
        out[i] = (Math.log(v) - target.mean) / target.std;
        break;
      case 'standardize':
        out[i] = (v - target.mean) / target.std;
        break;
    }
  }
  return out;
}

/**
 * Maps model outputs back to the target's scale: `none` y = ŷ', `log` y = exp(ŷ'·std + mean),
 * `standardize` y = ŷ'·std + mean.
 */
export function inverseTarget(state: PreprocessorState, yhat: ArrayLike<number>): Float64Array {
  const target = state.target;
  const out = new Float64Array(yhat.length);
  for (let i = 0; i < yhat.length; i++) {
    const v = yhat[i] as number;
    switch (target.transform) {
      case 'none':
        out[i] = v;
        break;
      case 'log':
        out[i] = Math.exp(v * target.std + target.mean);
        break;
      case 'standardize':
        out[i] = v * target.std + target.mean;
        break;
    }
  }
  return out;
}
