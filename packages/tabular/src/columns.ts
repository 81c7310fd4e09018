import { ColumnKindError, ColumnNotFoundError } from './errors';
import type { CategoricalColumn, Column, DateColumn, NumericColumn, Table } from './types';

/** The named column of any kind; throws `ColumnNotFoundError` naming the file and the columns it has. */
export function column(table: Table, name: string): Column {
  const found = table.columns.get(name);
  if (found === undefined) {
    throw new ColumnNotFoundError(
      `${table.source}: column "${name}" not found; the table has: ${[...table.columns.keys()].join(', ')}`,
      table.source,
      name,
    );
  }
  return found;
}

function kindError(table: Table, found: Column, wanted: string): ColumnKindError {
  return new ColumnKindError(
    `${table.source}: column "${found.name}" is ${found.kind}, expected ${wanted}`,
    table.source,
    found.name,
  );
}

/** The named numeric column; throws when it is missing or of another kind. */
export function numericColumn(table: Table, name: string): NumericColumn {
  const found = column(table, name);
  if (found.kind !== 'numeric') throw kindError(table, found, 'numeric');
  return found;
}

/** The named categorical column; throws when it is missing or of another kind. */
export function categoricalColumn(table: Table, name: string): CategoricalColumn {
  const found = column(table, name);
  if (found.kind !== 'categorical') throw kindError(table, found, 'categorical');
  return found;
}

/** The named date column; throws when it is missing or of another kind. */
export function dateColumn(table: Table, name: string): DateColumn {
  const found = column(table, name);
  if (found.kind !== 'date') throw kindError(table, found, 'date');
  return found;
}
