import { InvalidValueError, SampleLengthError } from './errors';
import { chiSquareSf } from './special/chi-square-sf';

export interface ChiSquareResult {
  /** Pearson's statistic Σ (observed − expected)² / expected. */
  readonly statistic: number;
  /** P(χ²_df ≥ statistic). */
  readonly pValue: number;
  /** Number of categories − 1. */
  readonly degreesOfFreedom: number;
}

function assertCounts(counts: ArrayLike<number>, what: string, positive: boolean): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i] as number;
    if (!Number.isFinite(c) || c < 0 || (positive && c === 0)) {
      const need = positive ? 'a positive count' : 'a count ≥ 0';
      throw new InvalidValueError(`chiSquareTest: ${what}[${i}] is ${c}; ${need} is required`);
    }
    total += c;
  }
  return total;
}

/**
 * Chi-square goodness of fit of the current counts against the reference proportions, as
 * `scipy.stats.chisquare(current, f_exp=reference * (Σcurrent / Σreference))` (Evidently's
 * `chisquare` drift test): expectedᵢ = referenceᵢ · n_current / n_reference, statistic
 * Σ (currentᵢ − expectedᵢ)² / expectedᵢ, p-value from the χ² survival function with k − 1
 * degrees of freedom.
 *
 * The arrays pair up category by category. Every reference count must be positive (a category
 * the reference never saw has no expected share; `columnDrift` reports such levels separately).
 * With a single category there is nothing to compare: statistic 0, p-value 1 (scipy: NaN).
 */
export function chiSquareTest(
  referenceCounts: ArrayLike<number>,
  currentCounts: ArrayLike<number>,
): ChiSquareResult {
  if (referenceCounts.length !== currentCounts.length) {
    throw new SampleLengthError(
      `chiSquareTest: ${referenceCounts.length} reference counts but ${currentCounts.length} current counts`,
    );
  }
  if (referenceCounts.length === 0) {
    throw new SampleLengthError('chiSquareTest: no categories');
  }
  const referenceTotal = assertCounts(referenceCounts, 'referenceCounts', true);
  const currentTotal = assertCounts(currentCounts, 'currentCounts', false);
  const degreesOfFreedom = referenceCounts.length - 1;
  if (degreesOfFreedom === 0) return { statistic: 0, pValue: 1, degreesOfFreedom };
  const scale = currentTotal / referenceTotal;
  let statistic = 0;
  for (let i = 0; i < referenceCounts.length; i++) {
    const expected = (referenceCounts[i] as number) * scale;
    const difference = (currentCounts[i] as number) - expected;
    statistic += (difference * difference) / expected;
  }
  return { statistic, pValue: chiSquareSf(statistic, degreesOfFreedom), degreesOfFreedom };
}
