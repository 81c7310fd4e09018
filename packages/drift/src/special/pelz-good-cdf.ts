const PI2 = Math.PI ** 2;
const PI4 = Math.PI ** 4;
const PI6 = Math.PI ** 6;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const SQRT3 = Math.sqrt(3);
/** exp() of anything below this is treated as 0 (scipy `_MIN_LOG`). */
const MIN_LOG = -708;

/**
 * Pelz & Good's (1976) approximation of P(Dₙ ≤ x) for the two-sided one-sample KS statistic:
 * the Li-Chien / Korolyuk expansion K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^{3/2} (z = x√n),
 * each Kᵢ rewritten through Jacobi's theta transformation into sums over q^{(2k−1)²} with
 * q = exp(−π²/8z²) (plus, for K₂ and K₃, sums over exp(−π²k²/2z²)), which converge fast for the
 * small z where it is used. Both sums run over k = 1…⌈16z/π⌉, as in scipy's `_kolmogn_PelzGood`.
 */
export function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const logQ = -PI2 / 8 / z2;
  if (logQ < MIN_LOG) return 0;
  const q = Math.exp(logQ);
  const k1a = -z2;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
  const k2c = (PI4 * (1 - 2 * z2)) / 16;
  const k3d = (PI6 * (5 - 30 * z2)) / 64;
  const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const maxK = Math.ceil((16 * z) / Math.PI);
  // Horner in q: Σ_k c_k q^{(2k−1)²}, using (2k+1)² − (2k−1)² = 8k.
  const K = [0, 0, 0, 0];
  for (let k = maxK; k >= 1; k--) {
    const m2 = (2 * k - 1) ** 2;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const qPower = q ** (8 * k);
    K[0] = (K[0] as number) * qPower + 1;
    K[1] = (K[1] as number) * qPower + (k1a + k1b * m2);
    K[2] = (K[2] as number) * qPower + (k2a + k2b * m2 + k2c * m4);
    K[3] = (K[3] as number) * qPower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
  }
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = ((K[i] as number) * q * SQRT_2PI) / (divisors[i] as number);
  const q2 = Math.exp(-PI2 / 2 / z2);
  let sum2 = 0;
  let sum3 = 0;
  const sqrt3z = SQRT3 * z;
  for (let k = maxK; k >= 1; k--) {
    const k2 = k * k;
    const term = k2 * q2 ** k2;
    sum2 += term;
    const kPi = Math.PI * k;
    sum3 += (sqrt3z + kPi) * (sqrt3z - kPi) * term;
  }
  K[2] = (K[2] as number) + (sum2 * PI2 * SQRT_2PI) / (-36 * z ** 3);
  K[3] = (K[3] as number) + (sum3 * PI2 * SQRT_2PI) / (216 * z6);
  let cdf = 0;
  for (let i = 0; i < 4; i++) cdf += (K[i] as number) / n ** (i / 2);
  return cdf;
}
