import { describe, expect, it } from 'vitest';
import { MetricArgumentError, measureLatency } from '../src/index';

/** Busy-waits for `ms` milliseconds (a sleep would be at the mercy of the timer granularity). */
function spin(ms: number): void {
  const end = process.hrtime.bigint() + BigInt(Math.round(ms * 1e6));
  while (process.hrtime.bigint() < end) {
    // busy wait
  }
}

describe('measureLatency', () => {
  it('reports p50 ≤ p95 ≤ p99 in milliseconds for batch sizes 1 and 1000 by default', async () => {
    const sizes: number[] = [];
    const result = await measureLatency(
      (batch: Float32Array) => spin(batch.length === 1 ? 0.2 : 2),
      (size) => {
        sizes.push(size);
        return new Float32Array(size);
      },
      { warmup: 1, iterations: 5 },
    );
    expect(sizes).toEqual([1, 1000]);
    expect(result.batch1.p50).toBeGreaterThanOrEqual(0.2);
    expect(result.batch1000.p50).toBeGreaterThanOrEqual(2);
    for (const r of [result.batch1, result.batch1000]) {
      expect(r.p50).toBeLessThanOrEqual(r.p95);
      expect(r.p95).toBeLessThanOrEqual(r.p99);
    }
  });

  it('awaits asynchronous predictions and calls warmup plus iterations times', async () => {
    let calls = 0;
    const result = await measureLatency(
      async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 3));
      },
      (size) => size,
      { batchSizes: [4], warmup: 2, iterations: 3 },
    );
    expect(calls).toBe(5);
    expect(result.batch4.p50).toBeGreaterThanOrEqual(2);
  });

  it('rejects a non-positive iteration count', async () => {
    await expect(
      measureLatency(
        () => 0,
        () => 0,
        { iterations: 0 },
      ),
    ).rejects.toThrow(MetricArgumentError);
  });
});
