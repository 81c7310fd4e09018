import { asFloat64, assertFiniteSample, sortedCopy } from './sample-checks';
import { gcd } from './special/gcd';
import { kolmogorovSf } from './special/kolmogorov-sf';
import { ksTwoSampleExactP } from './special/ks-two-sample-exact';

/** Largest sample size for which `ks_2samp(method='auto')` computes the exact p-value. */
export const KS_EXACT_MAX_N = 10_000;

export interface KsTwoSampleResult {
  /** D = sup |F_ref − F_cur|, the largest gap between the two empirical CDFs. */
  readonly statistic: number;
  /** Two-sided p-value. */
  readonly pValue: number;
  /** `exact` when both samples have at most 10,000 values, `asymptotic` otherwise. */
  readonly method: 'exact' | 'asymptotic';
}

export interface KsTwoSampleOptions {
  /** Both inputs are already sorted ascending: skip the copies and sorts. */
  readonly sorted?: boolean;
}

/** The largest gap between the two empirical CDFs of sorted samples, by one linear merge. */
export function ksStatistic(a: Float64Array, b: Float64Array): number {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let max = 0;
  let min = 0;
  while (i < n1 && j < n2) {
    const ai = a[i] as number;
    const bj = b[j] as number;
    const v = Math.min(ai, bj);
    // Both ECDFs are evaluated right-continuously, after every value equal to v (ties).
    while (i < n1 && (a[i] as number) <= v) i++;
    while (j < n2 && (b[j] as number) <= v) j++;
    const diff = i / n1 - j / n2;
    if (diff > max) max = diff;
    else if (diff < min) min = diff;
  }
  return Math.max(max, -min);
}

/**
 * The sample sorted (a copy, unless `sorted`), checked to be non-empty and finite. Sorting puts
 * NaN last and ±Infinity at the ends, so after the sort two comparisons check every value; the
 * full scan only runs to name the offending index.
 */
function sortedFinite(values: ArrayLike<number>, what: string, sorted: boolean): Float64Array {
  const out = sorted ? asFloat64(values) : sortedCopy(values);
  const n = out.length;
  if (n === 0 || !Number.isFinite(out[0] as number) || !Number.isFinite(out[n - 1] as number)) {
    assertFiniteSample(values, what);
  }
  if (sorted) {
    // Caller-sorted input: NaN could be anywhere, so it is checked in full.
    assertFiniteSample(out, what);
  }
  return out;
}

/** numpy's `round`: to the nearest integer, halves to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Two-sample Kolmogorov–Smirnov test, two-sided, as `scipy.stats.ks_2samp(reference, current)`
 * with its default `method='auto'`:
 *
 * - D is the largest gap between the empirical CDFs, both evaluated after all tied values;
 * - when max(n₁, n₂) ≤ 10,000 the p-value is exact (`ksTwoSampleExactP`) and D is reported as
 *   h/lcm(n₁, n₂), h = round(D·lcm), as scipy does;
 * - otherwise p = `kolmogorovSf(round(n₁n₂/(n₁+n₂)), D)` (scipy's `kstwo.sf`; round halves to
 *   even like numpy).
 *
 * Throws `EmptySampleError` / `InvalidValueError` for an empty sample or a non-finite value.
 */
export function ksTwoSample(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  options: KsTwoSampleOptions = {},
): KsTwoSampleResult {
  const a = sortedFinite(reference, 'reference', options.sorted === true);
  const b = sortedFinite(current, 'current', options.sorted === true);
  const d = ksStatistic(a, b);
  const n1 = a.length;
  const n2 = b.length;
  let statistic = d;
  if (Math.max(n1, n2) <= KS_EXACT_MAX_N) {
    const lcm = (n1 / gcd(n1, n2)) * n2;
    const h = roundHalfEven(d * lcm);
    statistic = h / lcm;
    const p = ksTwoSampleExactP(n1, n2, h);
    // Outside [0, 1] only by rounding (m = n, h = 1): scipy falls back to the asymptotic p.
    if (p >= 0 && p <= 1) return { statistic, pValue: p, method: 'exact' };
  }
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const effective = roundHalfEven((m * n) / (m + n));
  return { statistic, pValue: kolmogorovSf(effective, statistic), method: 'asymptotic' };
}
