/**
 * Population standard deviation about `center` (the mean), √((1/n) Σ (xᵢ − center)²), computed
 * in two passes as numpy.std with its default `ddof=0`.
 */
export function populationStd(values: Float64Array, center: number): number {
  let sum = 0;
  for (const v of values) {
    const d = v - center;
    sum += d * d;
  }
  return Math.sqrt(sum / values.length);
}
