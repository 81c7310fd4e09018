import { categoricalColumn, numericColumn } from './columns';
import {
  categoricalSlot,
  encodeNumeric,
  featureLayout,
  MISSING_LEVEL,
  UNSEEN_LEVEL,
} from './feature-layout';
import type { FeatureMatrix } from './feature-matrix';
import { resolveRows } from './rows';
import type { PreprocessorState } from './state';
import type { TableLike } from './table';

/**
 * Turns `rows` of `table` (all rows when omitted) into model inputs with the fitted `state`:
 * numeric features imputed and standardized, categorical features one-hot encoded.
 * Gives exactly the same floats as `transformRecords` on the same values.
 */
export function transformTable(
  state: PreprocessorState,
  table: TableLike,
  rows?: Int32Array,
): FeatureMatrix {
  const selected = resolveRows(table, rows);
  const layout = featureLayout(state);
  const { width } = layout;
  const n = selected.length;
  const x = new Float32Array(n * width);

  for (const slot of layout.numeric) {
    const values = numericColumn(table, slot.feature.name, 'feature').values;
    for (let r = 0; r < n; r++) {
      x[r * width + slot.offset] = encodeNumeric(
        slot.feature,
        values[selected[r] as number] as number,
      );
    }
  }
  for (const slot of layout.categorical) {
    const column = categoricalColumn(table, slot.feature.name, 'feature');
    // The table's own level codes → training level indices (or unseen).
    const codeToLevel = Int32Array.from(
      column.levels,
      (level) => slot.levelIndex.get(level) ?? UNSEEN_LEVEL,
    );
    for (let r = 0; r < n; r++) {
      const code = column.codes[selected[r] as number] as number;
      const level = code < 0 ? MISSING_LEVEL : (codeToLevel[code] ?? UNSEEN_LEVEL);
      const hot = categoricalSlot(slot, level);
      if (hot >= 0) x[r * width + slot.offset + hot] = 1;
    }
  }
  return { x, width, rows: n };
}
