import { percentile } from '@repo/metrics';
import type { Rng } from '@repo/tabular';
import { DriftOptionError, EmptySampleError } from './errors';

export interface BootstrapOptions {
  /** The seeded generator (`createRng(seed)` from `@repo/tabular`); the only source of randomness. */
  readonly rng: Rng;
  /** Number of resamples; default 1000. */
  readonly resamples?: number;
  /** Confidence level of the percentile interval; default 0.95. */
  readonly confidence?: number;
}

export interface BootstrapInterval {
  /** The difference on the data as given. */
  readonly estimate: number;
  /** Percentile interval of the resampled differences. */
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
  readonly resamples: number;
}

function settings(options: BootstrapOptions): { resamples: number; confidence: number } {
  const resamples = options.resamples ?? 1000;
  const confidence = options.confidence ?? 0.95;
  if (!(Number.isInteger(resamples) && resamples >= 1)) {
    throw new DriftOptionError(
      `bootstrap: resamples is ${resamples}; a positive integer is required`,
    );
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new DriftOptionError(`bootstrap: confidence is ${confidence}; it must be within (0, 1)`);
  }
  return { resamples, confidence };
}

/** n row indices drawn uniformly with replacement. */
function resampleIndices(n: number, rng: Rng, into: Int32Array): Int32Array {
  for (let i = 0; i < n; i++) into[i] = rng.nextInt(n);
  return into;
}

function interval(estimate: number, draws: Float64Array, confidence: number): BootstrapInterval {
  const tail = ((1 - confidence) / 2) * 100;
  return {
    estimate,
    lower: percentile(draws, tail),
    upper: percentile(draws, 100 - tail),
    confidence,
    resamples: draws.length,
  };
}

/**
 * Percentile bootstrap interval for a metric difference on paired rows, e.g. one test set scored
 * by a candidate and by the production model: metric(rows) = candidate − production on the
 * given row indices. Each resample draws `rowCount` indices with replacement from `options.rng`
 * and evaluates `difference` on them; the interval is the (1 − c)/2 and (1 + c)/2 percentiles
 * (linear, as numpy) of the resampled differences. Pure: the same seed gives the same interval.
 */
export function pairedBootstrap(
  rowCount: number,
  difference: (rows: Int32Array) => number,
  options: BootstrapOptions,
): BootstrapInterval {
  if (!(Number.isInteger(rowCount) && rowCount >= 1)) {
    throw new EmptySampleError(`bootstrap: rowCount is ${rowCount}; at least one row is required`);
  }
  const { resamples, confidence } = settings(options);
  const all = Int32Array.from({ length: rowCount }, (_, i) => i);
  const rows = new Int32Array(rowCount);
  const draws = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++)
    draws[r] = difference(resampleIndices(rowCount, options.rng, rows));
  return interval(difference(all), draws, confidence);
}

/**
 * Percentile bootstrap interval for metric(current) − metric(reference) on two independent
 * samples: each resample draws each sample with replacement (reference first, then current,
 * from the one `options.rng`).
 */
export function bootstrapDifference(
  reference: Float64Array,
  current: Float64Array,
  metric: (values: Float64Array) => number,
  options: BootstrapOptions,
): BootstrapInterval {
  if (reference.length === 0 || current.length === 0) {
    throw new EmptySampleError('bootstrap: both samples need at least one value');
  }
  const { resamples, confidence } = settings(options);
  const a = new Float64Array(reference.length);
  const b = new Float64Array(current.length);
  const draws = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < a.length; i++) a[i] = reference[options.rng.nextInt(a.length)] as number;
    for (let i = 0; i < b.length; i++) b[i] = current[options.rng.nextInt(b.length)] as number;
    draws[r] = metric(b) - metric(a);
  }
  return interval(metric(current) - metric(reference), draws, confidence);
}
