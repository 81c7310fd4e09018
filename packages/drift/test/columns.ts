import type { CategoricalColumn, NumericColumn } from '@repo/tabular';

/** A numeric column as `@repo/tabular` holds it (NaN for missing). */
export function numeric(name: string, values: ArrayLike<number>): NumericColumn {
  return { kind: 'numeric', name, values: Float64Array.from(values) };
}

/** A categorical column from labels, `null` for missing, levels in first-seen order. */
export function categorical(name: string, labels: readonly (string | null)[]): CategoricalColumn {
  const levels: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(labels, (label) => {
    if (label === null) return -1;
    let code = index.get(label);
    if (code === undefined) {
      code = levels.length;
      index.set(label, code);
      levels.push(label);
    }
    return code;
  });
  return { kind: 'categorical', name, codes, levels };
}

/** `count` values cycling through `distinct` integers 0…distinct−1. */
export function cycling(count: number, distinct: number, offset = 0): number[] {
  return Array.from({ length: count }, (_, i) => ((i + offset) % distinct) + 0.5);
}
