import type { Column, Table } from '@repo/tabular';
import type { CategoricalProfile, DataProfile, NumericProfile } from './data-profile';

/**
 * Values spread over the decile bins of a numeric profile: each bin's count placed evenly between
 * its two deciles (midpoints of equal sub-intervals), then the missing ones as NaN. A stand-in
 * for the training values with the same deciles, counts and missing rate.
 */
function numericValues(p: NumericProfile): Float64Array {
  const values = new Float64Array(p.count);
  let k = 0;
  p.histogram.forEach((count, bin) => {
    const lo = p.deciles[bin] ?? p.min;
    const hi = p.deciles[bin + 1] ?? p.max;
    for (let j = 0; j < count; j++) values[k++] = lo + ((hi - lo) * (j + 0.5)) / count;
  });
  values.fill(Number.NaN, k);
  return values;
}

function categoricalColumn(name: string, p: CategoricalProfile): Column {
  const levels = Object.keys(p.frequencies);
  const codes = new Int32Array(p.count).fill(-1);
  let k = 0;
  levels.forEach((level, code) => {
    const n = p.frequencies[level] ?? 0;
    codes.fill(code, k, k + n);
    k += n;
  });
  return { kind: 'categorical', name, codes, levels };
}

/**
 * A reference table rebuilt from a release's `profile.json` when its data version cannot be
 * pulled: categorical columns exact (frequencies and missing), numeric columns with the profiled
 * deciles, counts and missing rate (see `numericValues`). Row order carries no meaning.
 */
export function tableFromProfile(profile: DataProfile, source: string): Table {
  const columns = new Map<string, Column>();
  for (const [name, p] of Object.entries(profile.columns)) {
    columns.set(
      name,
      p.kind === 'numeric'
        ? { kind: 'numeric', name, values: numericValues(p) }
        : categoricalColumn(name, p),
    );
  }
  return { rowCount: profile.rows, columns, source };
}
