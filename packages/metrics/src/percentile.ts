import { EmptyInputError, MetricArgumentError } from './errors';

/**
 * The p-th percentile (0 ≤ p ≤ 100) with linear interpolation between order statistics,
 * numpy's default `method="linear"`:
 *
 *   h = (n − 1)·p/100,   j = ⌊h⌋,   γ = h − j
 *   P = x₍ⱼ₎ + γ·(x₍ⱼ₊₁₎ − x₍ⱼ₎)        (x₍ₖ₎ the sorted values, 0-based)
 *
 * evaluated as numpy does (`x₍ⱼ₊₁₎ − (1 − γ)·(x₍ⱼ₊₁₎ − x₍ⱼ₎)` when γ ≥ ½) so results match
 * `numpy.percentile` to the last bit. NaN among the values gives NaN, as in numpy.
 */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 100)) {
    throw new MetricArgumentError(`percentile: p is ${p}; it must be within [0, 100]`);
  }
  const n = values.length;
  if (n === 0) throw new EmptyInputError('percentile: no values');
  const sorted = Float64Array.from(values).sort();
  if (Number.isNaN(sorted[n - 1])) return Number.NaN;
  const h = (n - 1) * (p / 100);
  const j = Math.floor(h);
  const gamma = h - j;
  const a = sorted[j] as number;
  const b = sorted[Math.min(j + 1, n - 1)] as number;
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}
