import type { Column } from '@repo/tabular';
import { type ColumnDriftResult, columnDrift } from './column-drift';
import type { DriftColumn } from './column-samples';
import { ColumnMismatchError, DriftOptionError } from './errors';
import { type ColumnDriftOptions, type DriftRulesOverride, resolveRules } from './options';

/** Anything with named columns, such as `@repo/tabular`'s `Table`. */
export interface DriftTable {
  readonly columns: ReadonlyMap<string, Column>;
}

/**
 * Dataset-level options, shaped so a per-model config can feed them directly:
 *
 *   { driftShare: 0.3, defaults: { method: 'psi' }, columns: { price: { threshold: 0.2 } } }
 */
export interface DatasetDriftOptions {
  /** Which columns to check, in order; default every numeric and categorical column of the reference. */
  readonly include?: readonly string[];
  /** Applied to every column (e.g. one method for all); a column's own entry wins. */
  readonly defaults?: ColumnDriftOptions;
  /** Per-column method and threshold, keyed by column name. */
  readonly columns?: Readonly<Record<string, ColumnDriftOptions>>;
  /** Dataset drift when the share of drifted columns is ≥ this; default 0.5 (Evidently). */
  readonly driftShare?: number;
  /** The rules behind the default methods and thresholds. */
  readonly rules?: DriftRulesOverride;
}

export interface DatasetDriftResult {
  readonly columns: readonly ColumnDriftResult[];
  /** Reference columns left out because they are neither numeric nor categorical (dates). */
  readonly skipped: readonly string[];
  readonly driftedColumns: number;
  /** driftedColumns / columns checked. */
  readonly share: number;
  readonly driftShare: number;
  /** share ≥ driftShare. */
  readonly drifted: boolean;
}

function checkable(column: Column): column is DriftColumn {
  return column.kind === 'numeric' || column.kind === 'categorical';
}

/**
 * Drift of several columns and the dataset verdict, as Evidently's `DataDriftTable` /
 * `DatasetDriftMetric`: each column by `columnDrift`, then the share of drifted columns compared
 * with `driftShare`. Throws `ColumnMismatchError` for a column missing from either side and
 * `DriftOptionError` for a per-column entry naming no checked column (a typo in a config would
 * otherwise be silently ignored) or a share outside (0, 1].
 */
export function datasetDrift(
  reference: DriftTable,
  current: DriftTable,
  options: DatasetDriftOptions = {},
): DatasetDriftResult {
  const rules = resolveRules({
    ...options.rules,
    ...(options.driftShare === undefined ? {} : { driftShare: options.driftShare }),
  });
  const names = options.include ?? [...reference.columns.keys()];
  const skipped: string[] = [];
  const pairs: [DriftColumn, DriftColumn][] = [];
  for (const name of names) {
    const ref = reference.columns.get(name);
    const cur = current.columns.get(name);
    if (ref === undefined || cur === undefined) {
      const side = ref === undefined ? 'reference' : 'current';
      throw new ColumnMismatchError(`column "${name}" is missing from the ${side} data`, name);
    }
    if (!checkable(ref)) {
      if (options.include !== undefined) {
        throw new ColumnMismatchError(
          `column "${name}": ${ref.kind} columns are not drift-checked`,
          name,
        );
      }
      skipped.push(name);
      continue;
    }
    pairs.push([ref, cur as DriftColumn]);
  }
  if (pairs.length === 0)
    throw new DriftOptionError('datasetDrift: no numeric or categorical column to check');
  const checked = new Set(pairs.map(([ref]) => ref.name));
  for (const name of Object.keys(options.columns ?? {})) {
    if (!checked.has(name)) {
      throw new DriftOptionError(`drift options name column "${name}", which is not checked`, name);
    }
  }
  const columns = pairs.map(([ref, cur]) =>
    columnDrift(ref, cur, { ...options.defaults, ...options.columns?.[ref.name], rules }),
  );
  const driftedColumns = columns.filter((c) => c.drifted).length;
  const share = driftedColumns / columns.length;
  return {
    columns,
    skipped,
    driftedColumns,
    share,
    driftShare: rules.driftShare,
    drifted: share >= rules.driftShare,
  };
}
