import { at, checkBinary, checkPair } from './check';

/**
 * Binary cross-entropy of probabilities `p` (the score of class 1) against labels `y`.
 *
 *   logLoss = −(1/n) Σᵢ [ yᵢ·ln(p̃ᵢ) + (1 − yᵢ)·ln(1 − p̃ᵢ) ],   p̃ᵢ = clip(pᵢ, ε, 1 − ε)
 *
 * with ε = 2⁻⁵² (float64 machine epsilon), as scikit-learn's `log_loss` with its default
 * `eps="auto"` on float64 input.
 */
export function logLoss(y: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = checkPair(y, scores, 'logLoss', 'scores');
  checkBinary(y, scores, 'logLoss');
  const eps = Number.EPSILON;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.min(Math.max(at(scores, i), eps), 1 - eps);
    sum += at(y, i) === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return -sum / n;
}
