import { clipProbability } from './clip-probability';

const SCALE_EXPONENT = 128;
const SCALE = 2 ** SCALE_EXPONENT;

/** m×m row-major product a·b. */
function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k] as number;
      if (aik === 0) continue;
      const row = k * m;
      const outRow = i * m;
      for (let j = 0; j < m; j++)
        out[outRow + j] = (out[outRow + j] as number) + aik * (b[row + j] as number);
    }
  }
  return out;
}

/**
 * Durbin's matrix H for d = (k − h)/n: H[i][j] = 1/(i − j + 1)! for i − j + 1 ≥ 0 (0 above),
 * with the first column (1 − h^(i+1))/(i + 1)!, the last row (1 − h^(m−j))/(m − j)!, and the
 * corner (1 − 2hᵐ + max(0, 2h − 1)ᵐ)/m!.
 */
function durbinMatrix(k: number, h: number): Float64Array {
  const m = 2 * k - 1;
  const inverseFactorial = new Float64Array(m + 1);
  inverseFactorial[0] = 1;
  for (let i = 1; i <= m; i++) inverseFactorial[i] = (inverseFactorial[i - 1] as number) / i;
  const H = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= Math.min(m - 1, i + 1); j++) {
      H[i * m + j] = inverseFactorial[i - j + 1] as number;
    }
  }
  for (let i = 0; i < m; i++) {
    const edge = (1 - h ** (i + 1)) * (inverseFactorial[i + 1] as number);
    H[i * m] = edge;
    H[(m - 1) * m + (m - 1 - i)] = edge;
  }
  H[(m - 1) * m] = (1 - 2 * h ** m + Math.max(0, 2 * h - 1) ** m) * (inverseFactorial[m] as number);
  return H;
}

/**
 * P(Dₙ < d) for the two-sided one-sample Kolmogorov–Smirnov statistic by Durbin's matrix
 * formula as evaluated by Marsaglia, Tsang & Wang (2003): with k = ⌈nd⌉, h = k − nd,
 *   P(Dₙ < d) = n!/nⁿ · (Hⁿ)[k−1][k−1],
 * Hⁿ by repeated squaring and n!/nⁿ as a running product, both rescaled by powers of 2 to stay
 * inside the double range. Exact up to rounding; O(k³ log n), so meant for small n·d.
 */
export function durbinCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  let base = durbinMatrix(k, h);
  let baseExponent = 0;
  let power: Float64Array | undefined;
  let exponent = 0;
  const centre = (k - 1) * m + (k - 1);
  for (let remaining = n; remaining > 0; remaining = Math.floor(remaining / 2)) {
    if (remaining % 2 === 1) {
      power = power === undefined ? base.slice() : multiply(power, base, m);
      exponent += baseExponent;
    }
    base = multiply(base, base, m);
    baseExponent *= 2;
    if (Math.abs(base[centre] as number) > SCALE) {
      for (let i = 0; i < base.length; i++) base[i] = (base[i] as number) / SCALE;
      baseExponent += SCALE_EXPONENT;
    }
  }
  let p = (power as Float64Array)[centre] as number;
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < 1 / SCALE) {
      p *= SCALE;
      exponent -= SCALE_EXPONENT;
    }
  }
  return clipProbability(scaleByPowerOf2(p, exponent));
}

/** p · 2^e without intermediate overflow or underflow. */
function scaleByPowerOf2(p: number, e: number): number {
  let result = p;
  let remaining = e;
  while (remaining > 1000) {
    result *= 2 ** 1000;
    remaining -= 1000;
  }
  while (remaining < -1000) {
    result *= 2 ** -1000;
    remaining += 1000;
  }
  return result * 2 ** remaining;
}
