import { FeatureColumnError } from './errors';
import type { CategoricalColumnLike, ColumnLike, NumericColumnLike, TableLike } from './table';

function lookup(table: TableLike, name: string, role: string): ColumnLike {
  const column = table.columns.get(name);
  if (column === undefined) {
    throw new FeatureColumnError(
      `${table.source}: ${role} column "${name}" not found (columns: ${[...table.columns.keys()].join(', ')})`,
      name,
    );
  }
  return column;
}

/** The named column, which must be numeric. */
export function numericColumn(table: TableLike, name: string, role: string): NumericColumnLike {
  const column = lookup(table, name, role);
  if (column.kind !== 'numeric') {
    throw new FeatureColumnError(
      `${table.source}: ${role} column "${name}" is ${column.kind} but must be numeric`,
      name,
    );
  }
  return column;
}

/** The named column, which must be categorical. */
export function categoricalColumn(
  table: TableLike,
  name: string,
  role: string,
): CategoricalColumnLike {
  const column = lookup(table, name, role);
  if (column.kind !== 'categorical') {
    throw new FeatureColumnError(
      `${table.source}: ${role} column "${name}" is ${column.kind} but must be categorical`,
      name,
    );
  }
  return column;
}
