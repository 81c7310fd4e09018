export { mean, populationStd } from '@repo/metrics';

/** Median: the middle sorted value, or the mean of the two middle values (as numpy.median). */
export function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[mid] as number;
  return ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A standard deviation usable as a divisor: 0 (a constant column) becomes 1. */
export function safeScale(std: number): number {
  return std === 0 ? 1 : std;
}
