import type { Column, Table } from '@repo/tabular';
import { WorkspaceError } from './errors';

/** Rows of several tables with the same columns, one after another (categorical levels merged). */
export function concatTables(tables: readonly Table[]): Table {
  const [first, ...rest] = tables;
  if (first === undefined) throw new WorkspaceError('no data files to read');
  if (rest.length === 0) return first;
  const rowCount = tables.reduce((sum, t) => sum + t.rowCount, 0);
  const columns = new Map<string, Column>();
  for (const [name, column] of first.columns) {
    const parts = tables.map((table) => {
      const part = table.columns.get(name);
      if (part === undefined || part.kind !== column.kind) {
        throw new WorkspaceError(
          `${table.source}: column "${name}" is missing or of another kind than in ${first.source}`,
        );
      }
      return part;
    });
    columns.set(name, concatColumn(name, parts, rowCount));
  }
  return { rowCount, columns, source: tables.map((t) => t.source).join(', ') };
}

function concatColumn(name: string, parts: readonly Column[], rowCount: number): Column {
  const head = parts[0];
  if (head?.kind === 'categorical') {
    const levels: string[] = [];
    const index = new Map<string, number>();
    const codes = new Int32Array(rowCount);
    let offset = 0;
    for (const part of parts) {
      if (part.kind !== 'categorical') continue;
      const remap = part.levels.map((level) => {
        let code = index.get(level);
        if (code === undefined) {
          code = levels.length;
          levels.push(level);
          index.set(level, code);
        }
        return code;
      });
      for (let i = 0; i < part.codes.length; i++) {
        const code = part.codes[i] ?? -1;
        codes[offset + i] = code < 0 ? -1 : (remap[code] ?? -1);
      }
      offset += part.codes.length;
    }
    return { kind: 'categorical', name, codes, levels };
  }
  const values = new Float64Array(rowCount);
  let offset = 0;
  for (const part of parts) {
    if (part.kind === 'categorical') continue;
    values.set(part.values, offset);
    offset += part.values.length;
  }
  return { kind: head?.kind === 'date' ? 'date' : 'numeric', name, values };
}
