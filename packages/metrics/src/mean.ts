/** Arithmetic mean, (1/n) Σ xᵢ; NaN for no values (as numpy.mean, without its warning). */
export function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
