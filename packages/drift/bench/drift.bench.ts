/**
 * Drift statistics benchmark: two-sample KS and PSI over 1,000,000 reference against 1,000,000
 * current values (both standard normal, different seeds: a window without drift), N runs each in this process. Prints the
 * median and min time, the peak RSS, and the ratio against scipy's `ks_2samp` on the same values,
 * run in the same bench run by `python3` when scipy is importable ("baseline skipped" otherwise).
 *
 *   npm run bench -w @repo/drift                 # 5 runs
 *   npm run bench -w @repo/drift -- --runs 9
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, nextGaussian } from '@repo/tabular';
import { binNumeric } from '../src/binning';
import { ksTwoSample } from '../src/ks-two-sample';
import { populationStabilityIndex } from '../src/psi';

const N = 1_000_000;

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? undefined : process.argv[index + 1];
}
const runs = Math.max(5, Number(argument('runs') ?? 5));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function normal(seed: number, shift: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: N }, () => nextGaussian(rng) + shift);
}

interface Timing {
  readonly median: number;
  readonly min: number;
  readonly times: readonly number[];
}

function time<T>(run: () => T): { timing: Timing; result: T } {
  const gc = (globalThis as { gc?: () => void }).gc;
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const started = performance.now();
    result = run();
    times.push(performance.now() - started);
  }
  return { timing: { median: median(times), min: Math.min(...times), times }, result: result as T };
}

const PYTHON_BASELINE = `
import json, sys, time
import numpy as np
from scipy import stats
ref = np.fromfile(sys.argv[1], dtype='<f8')
cur = np.fromfile(sys.argv[2], dtype='<f8')
runs = int(sys.argv[3])
times = []
for _ in range(runs):
    started = time.perf_counter()
    r = stats.ks_2samp(ref, cur)
    times.append((time.perf_counter() - started) * 1000)
print(json.dumps({"times": times, "statistic": float(r.statistic), "pValue": float(r.pvalue),
                  "scipy": __import__("scipy").__version__}))
`;

function scipyBaseline(
  refPath: string,
  curPath: string,
): (Timing & { statistic: number; pValue: number; scipy: string }) | undefined {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const probe = spawnSync('python3', ['-c', 'import scipy'], { env, encoding: 'utf8' });
  if (probe.status !== 0) return undefined;
  const run = spawnSync('python3', ['-c', PYTHON_BASELINE, refPath, curPath, String(runs)], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) {
    console.log(`scipy baseline failed: ${run.stderr.trim()}`);
    return undefined;
  }
  const out = JSON.parse(run.stdout) as {
    times: number[];
    statistic: number;
    pValue: number;
    scipy: string;
  };
  return { ...out, median: median(out.times), min: Math.min(...out.times) };
}

function line(name: string, t: Timing): string {
  return `${name.padEnd(22)} median ${t.median.toFixed(0).padStart(5)} ms  min ${t.min.toFixed(0).padStart(5)} ms  runs [${t.times.map((x) => x.toFixed(0)).join(', ')}]`;
}

function main(): void {
  const reference = normal(1, 0);
  const current = normal(2, 0);
  console.log(`${N} vs ${N} values, ${runs} runs each, node ${process.version}`);
  const ks = time(() => ksTwoSample(reference, current));
  console.log(
    `${line('ksTwoSample', ks.timing)}  D ${ks.result.statistic}  p ${ks.result.pValue} (${ks.result.method})`,
  );
  const psi = time(() => {
    const bins = binNumeric(reference, current);
    return {
      value: populationStabilityIndex(bins.referenceCounts, bins.currentCounts),
      bins: bins.referenceCounts.length,
    };
  });
  console.log(
    `${line('binNumeric + psi', psi.timing)}  PSI ${psi.result.value} over ${psi.result.bins} Sturges bins`,
  );
  console.log(`peak rss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);

  const dir = mkdtempSync(join(tmpdir(), 'drift-bench-'));
  try {
    const refPath = join(dir, 'reference.f64');
    const curPath = join(dir, 'current.f64');
    writeFileSync(refPath, new Uint8Array(reference.buffer));
    writeFileSync(curPath, new Uint8Array(current.buffer));
    const scipy = scipyBaseline(refPath, curPath);
    if (scipy === undefined) {
      console.log('\nscipy ks_2samp: baseline skipped (python3 with scipy not available)');
      return;
    }
    console.log(
      `\n${line(`scipy ${scipy.scipy} ks_2samp`, scipy)}  D ${scipy.statistic}  p ${scipy.pValue}`,
    );
    const pGap =
      Math.abs(scipy.pValue - ks.result.pValue) /
      Math.max(Math.abs(scipy.pValue), Number.MIN_VALUE);
    console.log(
      `ksTwoSample vs scipy ks_2samp: ${(ks.timing.median / scipy.median).toFixed(2)}× the time (median ${ks.timing.median.toFixed(0)} ms vs ${scipy.median.toFixed(0)} ms); ` +
        `same D: ${scipy.statistic === ks.result.statistic}, p relative difference ${pGap.toExponential(1)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
