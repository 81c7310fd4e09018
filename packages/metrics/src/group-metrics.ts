import { at, checkPair } from './check';
import { GroupCodeError, MetricLengthError } from './errors';

/** The level name under which rows with a missing group (code -1) are reported. */
export const MISSING_GROUP_LEVEL = '(missing)';

/** Metrics of one group, plus the number of rows in it. */
export type GroupResult<M> = M & { readonly count: number };

/**
 * Computes `metricsFn` separately on the rows of each group.
 *
 * `groupCodes[i]` is the group of row i, an index into `levels` (a dictionary-encoded
 * categorical column); -1 means missing and is reported under the level `"(missing)"`.
 * Levels without rows are left out. Keys follow the order of `levels`, then `"(missing)"`.
 */
export function groupMetrics<M extends object>(
  y: ArrayLike<number>,
  yhat: ArrayLike<number>,
  groupCodes: Int32Array,
  levels: readonly string[],
  metricsFn: (y: Float64Array, yhat: Float64Array) => M,
): Record<string, GroupResult<M>> {
  const n = checkPair(y, yhat, 'groupMetrics');
  if (groupCodes.length !== n) {
    throw new MetricLengthError(
      `groupMetrics: y has ${n} values but groupCodes has ${groupCodes.length}`,
    );
  }
  const slots = levels.length + 1; // the last slot collects missing codes
  const counts = new Int32Array(slots);
  for (let i = 0; i < n; i++) {
    const code = at(groupCodes, i);
    if (code < -1 || code >= levels.length || !Number.isInteger(code)) {
      throw new GroupCodeError(
        `groupMetrics: groupCodes[${i}] is ${code}; expected -1 or an index below ${levels.length}`,
      );
    }
    const slot = code === -1 ? levels.length : code;
    counts[slot] = at(counts, slot) + 1;
  }
  const ys: Float64Array[] = [];
  const yhats: Float64Array[] = [];
  for (let s = 0; s < slots; s++) {
    ys.push(new Float64Array(at(counts, s)));
    yhats.push(new Float64Array(at(counts, s)));
  }
  const filled = new Int32Array(slots);
  for (let i = 0; i < n; i++) {
    const code = at(groupCodes, i);
    const slot = code === -1 ? levels.length : code;
    const k = at(filled, slot);
    (ys[slot] as Float64Array)[k] = at(y, i);
    (yhats[slot] as Float64Array)[k] = at(yhat, i);
    filled[slot] = k + 1;
  }
  const result: Record<string, GroupResult<M>> = {};
  for (let s = 0; s < slots; s++) {
    const count = at(counts, s);
    if (count === 0) continue;
    const level = s === levels.length ? MISSING_GROUP_LEVEL : (levels[s] as string);
    const metrics = metricsFn(ys[s] as Float64Array, yhats[s] as Float64Array);
    result[level] = { ...metrics, count };
  }
  return result;
}
