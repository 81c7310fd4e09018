import { gcd } from './gcd';
/**
 * Exact two-sided p-value of the two-sample Kolmogorov–Smirnov statistic, P(D_{m,n} ≥ h/lcm(m,n)),
 * as scipy's `ks_2samp(method='exact')` computes it.
 *
 * The pooled sample ordering is a uniformly random lattice path from (0, 0) to (m, n); the
 * statistic reaches h/lcm when the path touches a diagonal |x·n/g − y·m/g| = h (g = gcd).
 *
 * - m = n: the reflection principle gives
 *   P = 2 Σ_{k≥1} (−1)^{k+1} C(2n, n − kh) / C(2n, n),
 *   evaluated as 2·A₀(1 − A₁(1 − A₂(1 − ⋯))) with Aₖ = C(2n, n−(k+1)h)/C(2n, n−kh), a ratio of h
 *   simple factors each, so nothing cancels and nothing overflows.
 * - m ≠ n: Hodges' "inside" recursion on the share of paths that have already touched a diagonal
 *   (Viehmann 2021, arXiv:2102.08037): with q(x, y) that share among paths to (x, y),
 *   q = 1 outside the band, q(x, y) = (x·q(x−1, y) + y·q(x, y−1)) / (x + y) inside it, and
 *   P = q(m, n). Only the band of each column is stored and updated: O(m · h/(m/g)) work.
 *
 * The value is returned unclipped: rounding can push the m = n sum just above 1 (at h = 1), and
 * scipy then discards the exact value and falls back to the asymptotic one (`ksTwoSample` does
 * the same).
 */
export function ksTwoSampleExactP(n1: number, n2: number, h: number): number {
  if (h <= 0) return 1;
  return n1 === n2 ? outsideSquare(n1, h) : outsideBand(n1, n2, h);
}

function outsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let ratio = 1;
    for (let j = 0; j < h; j++) ratio = ((n - k * h - j) * ratio) / (n + k * h + j + 1);
    p = ratio * (1 - p);
  }
  return 2 * p;
}

function outsideBand(a: number, b: number, h: number): number {
  const m = Math.max(a, b); // columns x = 0…m
  const n = Math.min(a, b); // rows y = 0…n
  const g = gcd(m, n);
  const mg = m / g;
  const ng = n / g;
  // Point (x, y) is inside the band when |ng·x − mg·y| < h (integers, exact).
  const q = new Float64Array(n + 1).fill(1);
  let lo = 0; // first inside row of the current column
  let hi = Math.min(Math.ceil(h / mg), n + 1); // one past the last inside row
  q.fill(0, lo, hi); // column 0: the path up the y-axis has not touched the diagonal yet
  for (let x = 1; x <= m; x++) {
    const newLo = Math.min(Math.max(Math.floor((ng * x - h) / mg) + 1, 0), n);
    const newHi = Math.min(Math.ceil((ng * x + h) / mg), n + 1);
    if (newHi <= newLo) return 1;
    q.fill(1, lo, newLo); // rows that left the band below stay touched
    lo = newLo;
    hi = newHi;
    let below = lo === 0 ? 0 : 1; // q(x, lo − 1): outside the band, or absent at y = 0
    for (let y = lo; y < hi; y++) {
      const value = ((q[y] as number) * x + below * y) / (x + y);
      q[y] = value;
      below = value;
    }
  }
  return q[n] as number;
}
