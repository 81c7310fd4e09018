import type { FeatureRecord } from '@repo/features';
import {
  ColumnNotFoundError,
  CsvFormatError,
  CsvTypeError,
  DuplicateColumnError,
  EmptyDataError,
  parseCsv,
  type Table,
} from '@repo/tabular';
import { InvalidRecordError, RequestBodyError } from '../errors';
import type { FeatureRule } from '../validate-records';

const SOURCE = 'the CSV body';

function toRecords(table: Table, features: readonly FeatureRule[]): FeatureRecord[] {
  return Array.from({ length: table.rowCount }, (_, row) => {
    const record: Record<string, number | string | null> = {};
    for (const { name } of features) {
      const column = table.columns.get(name);
      if (column?.kind === 'categorical') {
        const code = column.codes[row] as number;
        record[name] = code < 0 ? null : (column.levels[code] as string);
      } else {
        const value = column?.values[row] as number;
        record[name] = Number.isNaN(value) ? null : value;
      }
    }
    return record;
  });
}

/**
 * A `text/csv` body (a header row, then one row per record, as `pandas.DataFrame.to_csv` writes
 * it without its index) → records of the model's features. Empty fields, `NA`, `NaN` and `null`
 * are missing values. A value that is not a number in a numeric feature, or a feature without a
 * column, is an `InvalidRecordError` naming the record (0-based) and the field.
 */
export function recordsFromCsv(
  bytes: Uint8Array,
  features: readonly FeatureRule[],
): FeatureRecord[] {
  const types = Object.fromEntries(features.map((feature) => [feature.name, feature.kind]));
  let table: Table;
  try {
    table = parseCsv(bytes, SOURCE, { types, columns: features.map((feature) => feature.name) });
  } catch (error) {
    if (error instanceof EmptyDataError) return [];
    if (error instanceof CsvTypeError) {
      const record = error.row - 1;
      throw new InvalidRecordError(
        `record ${record}: numeric feature "${error.column}" must be a number: ${error.message}`,
        record,
        error.column,
        { cause: error },
      );
    }
    if (error instanceof ColumnNotFoundError) {
      throw new InvalidRecordError(
        `record 0: feature "${error.column}" has no column in the CSV header`,
        0,
        error.column,
        { cause: error },
      );
    }
    if (error instanceof CsvFormatError || error instanceof DuplicateColumnError) {
      throw new RequestBodyError(`the CSV body is malformed: ${error.message}`, { cause: error });
    }
    throw error;
  }
  return toRecords(table, features);
}
