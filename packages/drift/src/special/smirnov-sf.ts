import { clipProbability } from './clip-probability';
import { twoProduct } from './two-product';

/** exp() of anything below this is 0 in doubles: ln 2⁻¹⁰⁷⁵ (xsf's MINLOG). */
const MIN_LOG = -745.1332191019412;
/** Above this n, scipy switches to the closed-form approximation (xsf SMIRNOV_MAX_COMPUTE_N). */
const MAX_EXACT_N = 1_000_000;
const LN2 = Math.LN2;
const RESCALE_EXPONENT = 600;
const RESCALE = 2 ** RESCALE_EXPONENT;

/**
 * Survival function of the one-sided one-sample Kolmogorov–Smirnov statistic,
 * Sₙ(x) = P(Dₙ⁺ ≥ x), as `scipy.special.smirnov(n, x)`.
 *
 * Exact by the Smirnov / Birnbaum–Tingey sum, all of whose terms are positive:
 *
 *   Sₙ(x) = x · Σ_{v=0}^{⌊n(1−x)⌋} C(n, v) (1 − x − v/n)^{n−v} (x + v/n)^{v−1}
 *
 * with scipy's closed forms at the ends (x ≤ 1/n, x ≥ 1 − 1/n, −2nx² below the exp range) and,
 * for n > 10⁶, its approximation Sₙ(x) ≈ exp(−(6nx + 1)² / 18n). n·x is carried as an exact
 * two-double sum, so ⌊n x⌋ and the bases 1 − x − v/n are computed without cancellation.
 */
export function smirnovSf(n: number, x: number): number {
  if (!(n >= 1 && Number.isInteger(n)) || !(x >= 0 && x <= 1)) return Number.NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const nx = twoProduct(n, x);
  let floorNx = Math.floor(nx.hi);
  let fraction = nx.hi - floorNx + nx.lo;
  if (fraction < 0) {
    floorNx -= 1;
    fraction += 1;
  } else if (fraction >= 1) {
    floorNx += 1;
    fraction -= 1;
  }
  if (floorNx === 0 || (floorNx === 1 && fraction === 0)) {
    // x ≤ 1/n: P(Dₙ⁺ < x) = x (1 + x)^(n−1).
    return 1 - x * Math.exp((n - 1) * Math.log1p(x));
  }
  if (-2 * n * x * x < MIN_LOG) return 0;
  if (floorNx >= n - 1) return (1 - x) ** n;
  if (n > MAX_EXACT_N) {
    const logP = -((6 * n * x + 1) ** 2) / 18 / n;
    return logP < -LN2 ? Math.exp(logP) : 1 + Math.expm1(logP);
  }
  return clipProbability(x * lowerSum(n, x, nx.hi, nx.lo, n - floorNx - 1));
}

/** Σ_{v=0}^{last} C(n, v) (1 − x − v/n)^{n−v} (x + v/n)^{v−1}, terms formed in logarithms. */
function lowerSum(n: number, x: number, nxHi: number, nxLo: number, last: number): number {
  let binomial = 1; // C(n, v) = binomial · 2^binomialExponent
  let binomialExponent = 0;
  let sum = 0;
  let compensation = 0;
  let largest = 0;
  for (let v = 0; v <= last; v++) {
    const below = (n - v - nxHi - nxLo) / n; // 1 − x − v/n
    const above = v === 0 ? x : (v + nxHi + nxLo) / n; // x + v/n
    const logTerm =
      Math.log(binomial) +
      binomialExponent * LN2 +
      (n - v) * Math.log(below) +
      (v - 1) * Math.log(above);
    const term = Math.exp(logTerm);
    // Neumaier summation: the terms are positive, this only guards the long tails.
    const t = sum + term;
    compensation += Math.abs(sum) >= term ? sum - t + term : term - t + sum;
    sum = t;
    if (term > largest) largest = term;
    else if (term * (last - v + 1) < Number.EPSILON * 0.25 * sum) break;
    binomial *= (n - v) / (v + 1);
    if (binomial > RESCALE) {
      binomial /= RESCALE;
      binomialExponent += RESCALE_EXPONENT;
    } else if (binomial < 1 / RESCALE) {
      binomial *= RESCALE;
      binomialExponent -= RESCALE_EXPONENT;
    }
  }
  return sum + compensation;
}
