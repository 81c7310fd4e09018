import { DataValidationError, type ValidationIssue } from './errors';
import type { TableConfig } from './model-config';
import type { Column, ColumnKind, Table } from './types';

interface Expectation {
  readonly role: string;
  readonly kinds: readonly ColumnKind[];
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}

/**
 * Checks a table against a model configuration and returns every issue found (empty when valid):
 * missing columns (features, target, groups, the time column of a time split), wrong kinds
 * (a numeric feature read as categorical, …), values outside a declared `min`/`max` (the first
 * offending row, 1-based), a feature's missing rate above `data.maxMissingRate`, and missing
 * target values.
 */
export function validateTable(table: Table, config: TableConfig): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const file = table.source;
  const check = (name: string, expectation: Expectation): Column | undefined => {
    const column = table.columns.get(name);
    if (column === undefined) {
      issues.push({
        file,
        column: name,
        message: `${file}: ${expectation.role} column "${name}" is missing`,
      });
      return undefined;
    }
    if (!expectation.kinds.includes(column.kind)) {
      issues.push({
        file,
        column: name,
        message: `${file}: ${expectation.role} column "${name}" is ${column.kind}, expected ${expectation.kinds.join(' or ')}`,
      });
      return undefined;
    }
    if (column.kind === 'numeric') checkRange(column.values, name, expectation);
    return column;
  };
  const checkRange = (values: Float64Array, name: string, expectation: Expectation): void => {
    const { min, max } = expectation;
    if (min === undefined && max === undefined) return;
    let first = -1;
    let count = 0;
    for (let row = 0; row < values.length; row++) {
      const value = values[row] ?? Number.NaN;
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        if (first < 0) first = row;
        count++;
      }
    }
    if (first < 0) return;
    const bounds = `[${min ?? '-∞'}, ${max ?? '∞'}]`;
    issues.push({
      file,
      column: name,
      row: first + 1,
      message: `${file}: column "${name}" row ${first + 1}: value ${values[first]} is outside ${bounds} (${count} value${count === 1 ? '' : 's'} out of range)`,
    });
  };

  for (const feature of config.features) {
    const column = check(feature.name, {
      role: 'feature',
      kinds: [feature.type],
      min: feature.min,
      max: feature.max,
    });
    if (column === undefined || table.rowCount === 0) continue;
    const missing = missingCount(column);
    const rate = missing / table.rowCount;
    if (rate > config.data.maxMissingRate) {
      issues.push({
        file,
        column: feature.name,
        row: firstMissingRow(column) + 1,
        message: `${file}: column "${feature.name}" has ${(rate * 100).toFixed(2)}% missing values (${missing} of ${table.rowCount}), above the allowed ${(config.data.maxMissingRate * 100).toFixed(2)}%`,
      });
    }
  }
  const regression = (config.task ?? 'regression') === 'regression';
  const target = check(config.target.name, {
    role: 'target',
    kinds: regression ? ['numeric'] : ['numeric', 'categorical'],
    min: config.target.min,
    max: config.target.max,
  });
  if (target !== undefined) {
    const missing = missingCount(target);
    if (missing > 0) {
      const row = firstMissingRow(target) + 1;
      issues.push({
        file,
        column: config.target.name,
        row,
        message: `${file}: target column "${config.target.name}" row ${row}: missing value (${missing} missing target value${missing === 1 ? '' : 's'})`,
      });
    }
  }
  for (const group of config.groups) check(group, { role: 'group', kinds: ['categorical'] });
  if (config.split.method === 'time') {
    if (config.split.timeColumn === undefined) {
      issues.push({
        file,
        column: '',
        message: `${file}: a time split needs split.timeColumn`,
      });
    } else {
      check(config.split.timeColumn, { role: 'time', kinds: ['date', 'numeric'] });
    }
  }
  return issues;
}

/** `validateTable`, throwing a `DataValidationError` that lists every issue when there is any. */
export function assertValid(table: Table, config: TableConfig): void {
  const issues = validateTable(table, config);
  if (issues.length > 0) throw new DataValidationError(issues);
}

function isMissing(column: Column, row: number): boolean {
  return column.kind === 'categorical'
    ? (column.codes[row] ?? -1) < 0
    : Number.isNaN(column.values[row] ?? Number.NaN);
}

function missingCount(column: Column): number {
  const n = column.kind === 'categorical' ? column.codes.length : column.values.length;
  let count = 0;
  for (let row = 0; row < n; row++) if (isMissing(column, row)) count++;
  return count;
}

function firstMissingRow(column: Column): number {
  const n = column.kind === 'categorical' ? column.codes.length : column.values.length;
  for (let row = 0; row < n; row++) if (isMissing(column, row)) return row;
  return -1;
}
