const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Stirling-series coefficients B₂ⱼ / (2j(2j − 1)) for j = 1…7 (B the Bernoulli numbers):
 * 1/12, −1/360, 1/1260, −1/1680, 1/1188, −691/360360, 1/156.
 */
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156];

/** Below this the argument is shifted up first; at z ≥ 15 the series above is exact to < 1e-17. */
const SHIFT_TO = 15;

/**
 * ln Γ(z) for z > 0, to an absolute error of a few ulps of the result.
 *
 * For z ≥ 15 the Stirling series
 *   ln Γ(z) = (z − ½) ln z − z + ½ ln 2π + Σⱼ B₂ⱼ / (2j(2j − 1) z²ʲ⁻¹)
 * truncated after seven terms (the next one is below 1e-17 there). Smaller z use the recurrence
 * Γ(z) = Γ(z + k) / (z (z + 1) ⋯ (z + k − 1)) to reach 15 first.
 */
export function logGamma(z: number): number {
  if (!(z > 0)) return Number.NaN;
  if (z === Number.POSITIVE_INFINITY) return z;
  let shifted = z;
  let product = 1;
  while (shifted < SHIFT_TO) {
    product *= shifted;
    shifted += 1;
  }
  const inverse = 1 / shifted;
  const inverseSquared = inverse * inverse;
  let series = 0;
  for (let j = STIRLING.length - 1; j >= 0; j--) {
    series = series * inverseSquared + (STIRLING[j] as number);
  }
  const stirling = (shifted - 0.5) * Math.log(shifted) - shifted + HALF_LOG_2PI + series * inverse;
  return product === 1 ? stirling : stirling - Math.log(product);
}
