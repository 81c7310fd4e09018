/** Evidently bins a numeric column by Sturges' rule only above this many distinct reference values. */
export const MAX_DISCRETE_VALUES = 20;

/** How two samples of one column are binned: shared edges, or one bin per distinct value. */
export type Bins =
  | {
      readonly kind: 'edges';
      /** Bin i is [edges[i], edges[i+1]), the last one closed; length = bins + 1. */
      readonly edges: Float64Array;
      readonly referenceCounts: Float64Array;
      readonly currentCounts: Float64Array;
    }
  | {
      readonly kind: 'values';
      /** The distinct values of both samples, ascending; bin i holds the values equal to values[i]. */
      readonly values: Float64Array;
      readonly referenceCounts: Float64Array;
      readonly currentCounts: Float64Array;
    };

/** min and max of two non-empty samples. */
function range(a: Float64Array, b: Float64Array): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const sample of [a, b]) {
    for (let i = 0; i < sample.length; i++) {
      const v = sample[i] as number;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return [min, max];
}

/**
 * `numpy.histogram_bin_edges(concat(a, b), bins="sturges")`, bit for bit: width
 * ptp / (log₂ N + 1), ⌈(last − first) / width⌉ equal bins (one when the values are all equal,
 * the range then widened by ½ on each side), edges first + i·step with the last set to `last`.
 */
export function sturgesEdges(a: Float64Array, b: Float64Array): Float64Array {
  const [min, max] = range(a, b);
  const ptp = max - min;
  let first = min;
  let last = max;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const width = ptp / (Math.log2(a.length + b.length) + 1);
  const bins = width === 0 ? 1 : Math.ceil((last - first) / width);
  const step = (last - first) / bins;
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i < bins; i++) edges[i] = i * step + first;
  edges[bins] = last;
  return edges;
}

/**
 * Counts per bin of `edges` like `numpy.histogram(values, edges)`: bin i is
 * [edges[i], edges[i+1]), the last bin also takes its right edge; values outside are not counted.
 */
export function histogramCounts(values: Float64Array, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  const counts = new Float64Array(bins);
  const first = edges[0] as number;
  const last = edges[bins] as number;
  const scale = bins / (last - first);
  for (let k = 0; k < values.length; k++) {
    const x = values[k] as number;
    if (!(x >= first && x <= last)) continue;
    // A guess from the equal widths, then settled by comparing with the edges themselves.
    let i = Math.min(bins - 1, Math.floor((x - first) * scale));
    while (i > 0 && x < (edges[i] as number)) i--;
    while (i < bins - 1 && x >= (edges[i + 1] as number)) i++;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

/** Whether `values` has more than `limit` distinct values (stops counting at limit + 1). */
export function hasMoreDistinctThan(values: Float64Array, limit: number): boolean {
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    seen.add(values[i] as number);
    if (seen.size > limit) return true;
  }
  return false;
}

/** Counts of each distinct value, keyed by value (−0 and 0 are one value). */
function valueCounts(values: Float64Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const v = (values[i] as number) + 0;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}

/**
 * Evidently's binning of a numeric column (`get_binned_data`): Sturges edges over both samples
 * when the reference has more than 20 distinct values, else one bin per distinct value of
 * either sample. Values must be finite (missing ones dropped beforehand).
 */
export function binNumeric(
  reference: Float64Array,
  current: Float64Array,
  maxDiscreteValues = MAX_DISCRETE_VALUES,
): Bins {
  if (hasMoreDistinctThan(reference, maxDiscreteValues)) {
    const edges = sturgesEdges(reference, current);
    return {
      kind: 'edges',
      edges,
      referenceCounts: histogramCounts(reference, edges),
      currentCounts: histogramCounts(current, edges),
    };
  }
  const referenceMap = valueCounts(reference);
  const currentMap = valueCounts(current);
  const values = Float64Array.from(new Set([...referenceMap.keys(), ...currentMap.keys()])).sort();
  return {
    kind: 'values',
    values,
    referenceCounts: Float64Array.from(values, (v) => referenceMap.get(v) ?? 0),
    currentCounts: Float64Array.from(values, (v) => currentMap.get(v) ?? 0),
  };
}
