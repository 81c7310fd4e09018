import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pythonEnvironment, runPythonBaseline } from '../src/python-baseline';

const dir = mkdtempSync(join(tmpdir(), 'bench-python-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const common = new URL('../python', import.meta.url).pathname;

describe('pythonEnvironment', () => {
  it('drops the OpenBLAS core overrides and pins every thread pool', () => {
    process.env.OPENBLAS_CORETYPE = 'Haswell';
    process.env.OPENBLAS_L2_SIZE = '1000';
    try {
      const env = pythonEnvironment(1);
      expect(env.OPENBLAS_CORETYPE).toBeUndefined();
      expect(env.OPENBLAS_L2_SIZE).toBeUndefined();
      expect(env.OMP_NUM_THREADS).toBe('1');
      expect(env.OPENBLAS_NUM_THREADS).toBe('1');
      expect(process.env.OPENBLAS_CORETYPE).toBe('Haswell');
    } finally {
      delete process.env.OPENBLAS_CORETYPE;
      delete process.env.OPENBLAS_L2_SIZE;
    }
  });
});

describe('runPythonBaseline', () => {
  it('skips every expected label, naming the missing module, when an import fails', async () => {
    const results = await runPythonBaseline(join(dir, 'never-run.py'), ['a', 'b'], {
      modules: ['json', 'no_such_module_for_bench'],
    });
    expect(results.a).toEqual({ skipped: expect.stringContaining('no_such_module_for_bench') });
    expect(results.b).toHaveProperty('skipped');
  });

  it('summarizes the runs the script timed itself, from its JSON line', async () => {
    const script = join(dir, 'sleep.py');
    writeFileSync(
      script,
      [
        'import sys, time',
        `sys.path.insert(0, ${JSON.stringify(common)})`,
        'from bench_common import emit, peak_rss_bytes, time_runs',
        'print("progress text before the JSON line")',
        'times = time_runs(lambda: time.sleep(0.002), runs=5)',
        'emit([{"label": "sleep", "times_ms": times, "peak_rss_bytes": peak_rss_bytes()}])',
      ].join('\n'),
    );
    const results = await runPythonBaseline(script, ['sleep', 'absent'], { modules: ['json'] });
    const sleep = results.sleep;
    if (!sleep || 'skipped' in sleep)
      throw new Error(`sleep was skipped: ${JSON.stringify(sleep)}`);
    expect(sleep.summary.runs).toBe(5);
    expect(sleep.summary.medianMs).toBeGreaterThanOrEqual(2);
    expect(sleep.summary.peakRssBytes).toBeGreaterThan(1_000_000);
    expect(results.absent).toEqual({ skipped: expect.stringContaining('no result for absent') });
  });
});
