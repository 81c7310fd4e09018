import type { ModelConfig, ResolvedMonitoring, ResolvedSource } from '@repo/config';
import { columnTypesFor, type Table } from '@repo/tabular';
import { WindowDataError } from './drift-errors';
import { applyTimeWindow } from './time-window';
import { readWindow } from './window-source';

/** The window to compare, after the time filter. */
export interface CurrentWindow {
  /** Null when no row was read or kept. */
  readonly table: Table | null;
  readonly label: string;
  readonly md5: string;
  readonly rowsRead: number;
  readonly window: { readonly column: string; readonly from: string; readonly to: string } | null;
}

function allMissing(table: Table, name: string): boolean {
  const column = table.columns.get(name);
  if (column === undefined) return false;
  if (column.kind === 'categorical') return column.codes.every((code) => code === -1);
  return column.values.every((v) => !Number.isFinite(v));
}

/** Throws `WindowDataError` naming the source and column when a feature is absent or all missing. */
export function checkWindowColumns(table: Table, config: ModelConfig, label: string): void {
  for (const feature of config.features) {
    if (!table.columns.has(feature.name)) {
      throw new WindowDataError(
        `${label}: the window has no column "${feature.name}" (a feature of ${config.name}); it has: ${[...table.columns.keys()].join(', ')}`,
        label,
        feature.name,
      );
    }
    if (allMissing(table, feature.name)) {
      throw new WindowDataError(
        `${label}: column "${feature.name}" is missing in every one of the ${table.rowCount} rows; drift cannot be measured`,
        label,
        feature.name,
      );
    }
  }
}

/**
 * Reads the current window from `source` with the column kinds of the production `config`,
 * checks that every feature is there, and applies the configured time window.
 */
export async function loadCurrentWindow(
  root: string,
  source: ResolvedSource,
  config: ModelConfig,
  monitoring: ResolvedMonitoring,
): Promise<CurrentWindow> {
  const read = await readWindow(root, source, columnTypesFor(config), config.name);
  const rowsRead = read.table?.rowCount ?? 0;
  const base = { label: read.label, md5: read.md5, rowsRead };
  if (read.table === null) return { ...base, table: null, window: null };
  checkWindowColumns(read.table, config, read.label);
  const spec = monitoring.window;
  if (spec === undefined) return { ...base, table: read.table, window: null };
  const windowed = applyTimeWindow(read.table, spec);
  return {
    ...base,
    table: windowed.table.rowCount === 0 ? null : windowed.table,
    window: { column: spec.column, from: windowed.from, to: windowed.to },
  };
}
