import { mean, populationStd } from '@repo/metrics';
import { asFloat64, assertFiniteSample, sortedCopy } from './sample-checks';

/** Evidently's floor on the reference standard deviation used to norm the distance. */
export const WASSERSTEIN_MIN_NORM = 0.001;

/**
 * The first Wasserstein (earth mover's) distance between two 1-D samples, unweighted, as
 * `scipy.stats.wasserstein_distance(u, v)`: ∫ |F_u(t) − F_v(t)| dt, which for empirical CDFs is
 * the sum over consecutive pooled values of |F_u − F_v| · (gap), by one linear merge of the
 * sorted samples (compensated summation). `sorted: true` skips the copies and sorts.
 */
export function wassersteinDistance(
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  options: { readonly sorted?: boolean } = {},
): number {
  assertFiniteSample(u, 'u');
  assertFiniteSample(v, 'v');
  const a = options.sorted === true ? asFloat64(u) : sortedCopy(u);
  const b = options.sorted === true ? asFloat64(v) : sortedCopy(v);
  const na = a.length;
  const nb = b.length;
  let i = 0;
  let j = 0;
  let sum = 0;
  let compensation = 0;
  let previous = Math.min(a[0] as number, b[0] as number);
  while (i < na || j < nb) {
    const ai = i < na ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const bj = j < nb ? (b[j] as number) : Number.POSITIVE_INFINITY;
    const value = Math.min(ai, bj);
    // Between `previous` and `value` the CDFs are i/na and j/nb (everything ≤ previous counted).
    const term = Math.abs(i / na - j / nb) * (value - previous);
    const t = sum + term;
    compensation += Math.abs(sum) >= term ? sum - t + term : term - t + sum;
    sum = t;
    while (i < na && (a[i] as number) <= value) i++;
    while (j < nb && (b[j] as number) <= value) j++;
    previous = value;
  }
  return sum + compensation;
}

/**
 * Evidently's `wasserstein` drift score: the Wasserstein distance divided by the reference's
 * standard deviation (numpy's default ddof = 0), floored at 0.001 as Evidently does so a
 * constant reference does not divide by zero.
 */
export function wassersteinNormed(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  options: { readonly sorted?: boolean } = {},
): { readonly distance: number; readonly normed: number; readonly referenceStd: number } {
  const distance = wassersteinDistance(reference, current, options);
  const values = asFloat64(reference);
  const referenceStd = populationStd(values, mean(values));
  return {
    distance,
    normed: distance / Math.max(referenceStd, WASSERSTEIN_MIN_NORM),
    referenceStd,
  };
}
