import { clipProbability } from './clip-probability';
import { durbinCdf } from './durbin-cdf';
import { pelzGoodCdf } from './pelz-good-cdf';
import { smirnovSf } from './smirnov-sf';

const LOG_2PI = Math.log(2 * Math.PI);
/** Stirling coefficients B₂ⱼ/(2j(2j−1)) for j = 8…1, highest first (for Horner in 1/n²). */
const STIRLING_DESCENDING = [
  -3617 / 122400,
  1 / 156,
  -691 / 360360,
  1 / 1188,
  -1 / 1680,
  1 / 1260,
  -1 / 360,
  1 / 12,
];

/** ln(n!/nⁿ) by Stirling's series with n ln n removed up front (no cancellation). */
function logFactorialOverPower(n: number): number {
  const r = 1 / n;
  const r2 = r * r;
  let series = 0;
  for (const c of STIRLING_DESCENDING) series = series * r2 + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + r * series;
}

/** 1 − P(Dₙ ≤ x) for 1/(2n) < x ≤ 1/n (Ruben & Gambino): P = n!/nⁿ · (2nx − 1)ⁿ. */
function smallXSf(n: number, t: number): number {
  let cdf: number;
  if (n <= 140) {
    cdf = 1;
    for (let i = 1; i <= n; i++) cdf *= i * (1 / n) * (2 * t - 1);
  } else {
    cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
  }
  return clipProbability(1 - cdf);
}

/**
 * Survival function of the two-sided one-sample Kolmogorov–Smirnov statistic Dₙ,
 * P(Dₙ ≥ x), as `scipy.stats.kstwo.sf(x, n)`: Simard & L'Ecuyer's (2011) choice of method, with
 * scipy's cut-offs, so each (n, x) is computed by the same formula scipy uses:
 *
 * - x ≤ 1/(2n): 1; x ≥ 1: 0 (outside the support);
 * - x ≤ 1/n and x ≥ 1 − 1/n: Ruben & Gambino's closed forms;
 * - x ≥ ½: 2·Sₙ(x) (exact there: D⁺ and D⁻ cannot both exceed ½), Sₙ the one-sided `smirnovSf`;
 * - n ≤ 140: exact for n x² ≤ 4 (scipy uses Durbin's matrix up to 0.754693 and Pomeranz's
 *   recursion above; both are exact, we use Durbin's matrix for both), 2·Sₙ(x) above;
 * - n > 140: 0 from n x² ≥ 370, 2·Sₙ(x) from n x² ≥ 2.2, else 1 − CDF with the CDF by Durbin's
 *   matrix when n ≤ 100 000 and n x^{3/2} ≤ 1.4, by Pelz & Good's approximation otherwise.
 */
export function kolmogorovSf(n: number, x: number): number {
  if (Number.isNaN(x) || !(n >= 1 && Number.isInteger(n))) return Number.NaN;
  if (x <= 0.5 / n) return 1;
  if (x >= 1) return 0;
  const t = n * x;
  if (t <= 1) return smallXSf(n, t);
  if (t >= n - 1) return clipProbability(2 * (1 - x) ** n);
  if (x >= 0.5) return clipProbability(2 * smirnovSf(n, x));
  const nxSquared = t * x;
  if (n <= 140) {
    if (nxSquared <= 4) return clipProbability(1 - durbinCdf(n, x));
    return clipProbability(2 * smirnovSf(n, x));
  }
  if (nxSquared >= 370) return 0;
  if (nxSquared >= 2.2) return clipProbability(2 * smirnovSf(n, x));
  const cdf = n <= 100_000 && n * x ** 1.5 <= 1.4 ? durbinCdf(n, x) : pelzGoodCdf(n, x);
  return clipProbability(1 - cdf);
}
