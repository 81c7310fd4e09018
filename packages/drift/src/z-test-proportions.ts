import { InvalidValueError } from './errors';
import { normalTwoSidedP } from './special/erfc';

export interface ZTestResult {
  /** z = (p_ref − p_cur) / √(P(1 − P)(1/n_ref + 1/n_cur)), P the pooled proportion. */
  readonly statistic: number;
  /** Two-sided p-value, P(|Z| ≥ |z|) = erfc(|z|/√2). */
  readonly pValue: number;
}

function assertCount(successes: number, total: number, what: string): void {
  if (!(Number.isInteger(total) && total > 0)) {
    throw new InvalidValueError(
      `zTestProportions: ${what} total is ${total}; a positive integer is required`,
    );
  }
  if (!(Number.isInteger(successes) && successes >= 0 && successes <= total)) {
    throw new InvalidValueError(
      `zTestProportions: ${what} count is ${successes}; an integer within [0, ${total}] is required`,
    );
  }
}

/**
 * Two-proportion Z-test with the pooled proportion, two-sided, as Evidently's `z` drift test
 * (`proportions_diff_z_stat_ind` + `proportions_diff_z_test`). The p-value is computed as
 * erfc(|z|/√2), which equals Evidently's 2·(1 − Φ(|z|)) but keeps its precision in the tail
 * (Evidently's form is exactly 0 beyond |z| ≈ 8.3).
 *
 * When the pooled proportion is 0 or 1 (both samples are all one value) the samples cannot
 * differ: z = 0, p = 1 (Evidently returns p = 1 for that case too).
 */
export function zTestProportions(
  referenceSuccesses: number,
  referenceTotal: number,
  currentSuccesses: number,
  currentTotal: number,
): ZTestResult {
  assertCount(referenceSuccesses, referenceTotal, 'reference');
  assertCount(currentSuccesses, currentTotal, 'current');
  const pooled = (referenceSuccesses + currentSuccesses) / (referenceTotal + currentTotal);
  if (pooled === 0 || pooled === 1) return { statistic: 0, pValue: 1 };
  const difference = referenceSuccesses / referenceTotal - currentSuccesses / currentTotal;
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / referenceTotal + 1 / currentTotal));
  const statistic = difference / standardError;
  return { statistic, pValue: normalTwoSidedP(statistic) };
}
