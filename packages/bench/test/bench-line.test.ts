import { describe, expect, it } from 'vitest';
import { benchLine } from '../src/bench-line';

const ours = { medianMs: 300, minMs: 290, runs: 5, peakRssBytes: 200 * 2 ** 20 };
const torch = { medianMs: 350, minMs: 340, runs: 5, peakRssBytes: 300 * 2 ** 20 };

describe('benchLine', () => {
  it('prints median, min, runs, peak RSS and the ratio of medians against a baseline', () => {
    const line = benchLine('train', ours, [{ label: 'PyTorch', summary: torch }], { target: 1 });
    expect(line).toContain('median 300 ms, min 290 ms (5 runs), peak RSS 200 MiB');
    expect(line).toContain('0.86× PyTorch (median 350 ms, peak RSS 300 MiB) target ≤ 1.00× met');
  });

  it('says MISSED when the ratio is above the target', () => {
    const line = benchLine('train', torch, [{ label: 'us', summary: ours }], { target: 1 });
    expect(line).toContain('1.17× us');
    expect(line).toContain('MISSED');
  });

  it('says why a baseline was skipped instead of printing a ratio', () => {
    const line = benchLine('train', ours, [{ skipped: 'python module torch missing' }]);
    expect(line).toContain('baseline skipped (python module torch missing)');
    expect(line).not.toMatch(/×/);
  });

  it('prints sub-millisecond times in microseconds', () => {
    const line = benchLine(
      'predict',
      { medianMs: 0.0123, minMs: 0.01, runs: 5, peakRssBytes: null },
      [],
    );
    expect(line).toContain('median 12.3 µs, min 10.0 µs');
    expect(line).toContain('peak RSS n/a');
  });
});
