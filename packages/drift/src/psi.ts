import { EmptySampleError, InvalidValueError, SampleLengthError } from './errors';

/** Evidently's stand-in share for an empty bin (unless a real share is smaller). */
export const PSI_EMPTY_BIN_SHARE = 0.0001;

/**
 * Shares of each bin, empty bins replaced as Evidently does (`get_binned_data`, feel_zeroes):
 * by 0.0001, or by (smallest non-zero share)/10⁶ when that share is itself ≤ 0.0001.
 */
export function psiShares(counts: ArrayLike<number>, what: string): Float64Array {
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i] as number;
    if (!(Number.isFinite(c) && c >= 0)) {
      throw new InvalidValueError(`psi: ${what}[${i}] is ${c}; a count ≥ 0 is required`);
    }
    total += c;
  }
  if (total === 0) throw new EmptySampleError(`psi: ${what} are all 0`);
  const shares = Float64Array.from(counts, (c) => c / total);
  let smallest = Number.POSITIVE_INFINITY;
  for (const s of shares) if (s !== 0 && s < smallest) smallest = s;
  const fill = smallest <= PSI_EMPTY_BIN_SHARE ? smallest / 10 ** 6 : PSI_EMPTY_BIN_SHARE;
  for (let i = 0; i < shares.length; i++) if (shares[i] === 0) shares[i] = fill;
  return shares;
}

/**
 * Population stability index over aligned bins, as Evidently's `psi` drift test:
 * Σ (refᵢ − curᵢ) · ln(refᵢ / curᵢ) over the bins' shares, empty bins filled by `psiShares`.
 * Counts pair up bin by bin (see `binNumeric` for Evidently's binning of numeric columns).
 */
export function populationStabilityIndex(
  referenceCounts: ArrayLike<number>,
  currentCounts: ArrayLike<number>,
): number {
  if (referenceCounts.length !== currentCounts.length) {
    throw new SampleLengthError(
      `psi: ${referenceCounts.length} reference bins but ${currentCounts.length} current bins`,
    );
  }
  const reference = psiShares(referenceCounts, 'referenceCounts');
  const current = psiShares(currentCounts, 'currentCounts');
  let psi = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i] as number;
    const c = current[i] as number;
    psi += (r - c) * Math.log(r / c);
  }
  return psi;
}
