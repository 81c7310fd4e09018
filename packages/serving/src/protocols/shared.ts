import { InvalidRecordError, RequestBodyError } from '../errors';
import { isObject } from '../http-io';
import type { FeatureRule } from '../validate-records';

/** A one-element list stands for its element (a tensor of shape [1] per row). */
function unwrap(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}

/**
 * Rows as objects of feature → value (a value may be wrapped in a one-element list) → records
 * holding the features only. A row that is not an object is left for `validateRecords` to name.
 */
export function recordsFromRows(
  rows: unknown,
  features: readonly FeatureRule[],
  what: string,
): unknown[] {
  if (!Array.isArray(rows)) throw new RequestBodyError(`${what} must be a list of objects`);
  return rows.map((row: unknown) => {
    if (!isObject(row)) return row;
    const record: Record<string, unknown> = {};
    for (const { name } of features) {
      if (Object.hasOwn(row, name)) record[name] = unwrap(row[name]);
    }
    return record;
  });
}

/**
 * Columns (an object of feature → list of values, one per row) → records. Every feature must
 * have a column (else `InvalidRecordError` naming it), all of the same length.
 */
export function recordsFromColumns(
  columns: unknown,
  features: readonly FeatureRule[],
  what: string,
): unknown[] {
  if (!isObject(columns)) {
    throw new RequestBodyError(`${what} must be an object of feature name → list of values`);
  }
  let rows = -1;
  for (const { name } of features) {
    const column = columns[name];
    if (column === undefined) {
      throw new InvalidRecordError(
        `record 0: feature "${name}" is absent from ${what} (every record lacks it)`,
        0,
        name,
      );
    }
    if (!Array.isArray(column)) {
      throw new RequestBodyError(`${what}: "${name}" must be a list of values, one per row`);
    }
    if (rows >= 0 && column.length !== rows) {
      throw new RequestBodyError(
        `${what}: "${name}" has ${column.length} values but other features have ${rows}`,
      );
    }
    rows = column.length;
  }
  return Array.from({ length: Math.max(rows, 0) }, (_, row) => {
    const record: Record<string, unknown> = {};
    for (const { name } of features) record[name] = unwrap((columns[name] as unknown[])[row]);
    return record;
  });
}
