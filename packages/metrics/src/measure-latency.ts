import { MetricArgumentError } from './errors';
import { percentile } from './percentile';

/** Latency percentiles of one batch size, in milliseconds. */
export interface LatencyPercentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export interface MeasureLatencyOptions<S extends readonly number[]> {
  /** Batch sizes to time (default `[1, 1000]`). */
  readonly batchSizes?: S;
  /** Untimed calls per batch size before timing (default 10). */
  readonly warmup?: number;
  /** Timed calls per batch size (default 100). */
  readonly iterations?: number;
}

/** `{ batch1: {...}, batch1000: {...} }`: one entry per batch size. */
export type LatencyResult<S extends readonly number[]> = {
  readonly [K in S[number] as `batch${K}`]: LatencyPercentiles;
};

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new MetricArgumentError(
      `measureLatency: ${name} is ${value}; expected an integer ≥ ${min}`,
    );
  }
}

/**
 * Wall-clock latency of `predictFn` per batch size, measured with `process.hrtime.bigint()`.
 *
 * For each batch size the batch is built once by `makeBatch(size)` (not timed), `predictFn`
 * is called `warmup` times untimed, then `iterations` times, each call timed on its own
 * (awaited when it returns a promise). Reports the 50th, 95th and 99th percentiles
 * (`percentile`, linear interpolation) of the per-call durations in milliseconds.
 */
export async function measureLatency<B, const S extends readonly number[] = readonly [1, 1000]>(
  predictFn: (batch: B) => unknown,
  makeBatch: (size: number) => B,
  options: MeasureLatencyOptions<S> = {},
): Promise<LatencyResult<S>> {
  const batchSizes: readonly number[] = options.batchSizes ?? [1, 1000];
  const warmup = options.warmup ?? 10;
  const iterations = options.iterations ?? 100;
  checkCount('warmup', warmup, 0);
  checkCount('iterations', iterations, 1);
  for (const size of batchSizes) checkCount('batch size', size, 1);

  const result: Record<string, LatencyPercentiles> = {};
  for (const size of batchSizes) {
    const batch = makeBatch(size);
    for (let i = 0; i < warmup; i++) {
      const out = predictFn(batch);
      if (out instanceof Promise) await out;
    }
    const durations = new Float64Array(iterations);
    for (let i = 0; i < iterations; i++) {
      const start = process.hrtime.bigint();
      const out = predictFn(batch);
      if (out instanceof Promise) await out;
      durations[i] = Number(process.hrtime.bigint() - start) / 1e6;
    }
    result[`batch${size}`] = {
      p50: percentile(durations, 50),
      p95: percentile(durations, 95),
      p99: percentile(durations, 99),
    };
  }
  return result as LatencyResult<S>;
}
