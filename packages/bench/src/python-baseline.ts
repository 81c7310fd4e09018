import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { BaselineResult, SkippedBaseline } from './bench-line';
import { summarize } from './summary';

/** Debian's interpreter, where `apt-get install python3-torch python3-sklearn python3-pandas` puts the modules. */
const DEFAULT_PYTHON = '/usr/bin/python3';

export interface PythonBaselineOptions {
  /** Python modules the script imports; a missing one skips the baseline (never a stored number). */
  readonly modules: readonly string[];
  /** Command-line arguments for the script. */
  readonly args?: readonly string[];
  /** 1: BLAS and OpenMP pinned to one thread (the single-thread comparison). Default 1. */
  readonly threads?: number;
  /** Interpreter; default `MLOPS_BENCH_PYTHON` or /usr/bin/python3. */
  readonly python?: string;
}

function interpreter(options: PythonBaselineOptions): string {
  return options.python ?? process.env.MLOPS_BENCH_PYTHON ?? DEFAULT_PYTHON;
}

/**
 * The environment of a Python baseline: this process's, without the OpenBLAS overrides some
 * machines set (`OPENBLAS_CORETYPE`, `OPENBLAS_L2_SIZE`), with BLAS and OpenMP thread counts pinned.
 */
export function pythonEnvironment(threads: number): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const count = String(threads);
  return {
    ...env,
    OMP_NUM_THREADS: count,
    OPENBLAS_NUM_THREADS: count,
    MKL_NUM_THREADS: count,
    MLOPS_BENCH_THREADS: count,
  };
}

/** Why a Python baseline cannot run here, or null when it can. */
export function pythonUnavailable(options: PythonBaselineOptions): string | null {
  const python = interpreter(options);
  if (!existsSync(python)) return `${python} not found`;
  const probe = spawnSync(python, ['-c', options.modules.map((m) => `import ${m}`).join('; ')], {
    env: pythonEnvironment(1),
    encoding: 'utf8',
  });
  if (probe.status === 0) return null;
  const missing = /No module named '([^']+)'/.exec(probe.stderr)?.[1];
  return missing
    ? `python module ${missing} missing: apt-get install python3-torch python3-sklearn python3-pandas`
    : `${python} cannot import ${options.modules.join(', ')}: ${probe.stderr.trim().split('\n').pop()}`;
}

interface ScriptResult {
  readonly label: string;
  readonly times_ms: number[];
  readonly peak_rss_bytes: number | null;
}

/**
 * Runs a baseline script and returns one result per job it timed. The script times its own runs
 * (interpreter start and imports excluded) and prints one JSON object on its last stdout line:
 * `{"results": [{"label", "times_ms": [...], "peak_rss_bytes"}]}`. When the interpreter or a
 * module is missing, every expected label comes back as skipped, with the reason.
 */
export async function runPythonBaseline(
  script: string,
  expected: readonly string[],
  options: PythonBaselineOptions,
): Promise<Record<string, BaselineResult | SkippedBaseline>> {
  const unavailable = pythonUnavailable(options);
  if (unavailable !== null) {
    return Object.fromEntries(expected.map((label) => [label, { skipped: unavailable }]));
  }
  const stdout = await runScript(interpreter(options), script, options);
  const last = stdout.trim().split('\n').pop() ?? '';
  let parsed: { results?: ScriptResult[] };
  try {
    parsed = JSON.parse(last) as { results?: ScriptResult[] };
  } catch (error) {
    throw new Error(`${script}: last line of output is not JSON: ${last.slice(0, 200)}`, {
      cause: error,
    });
  }
  const byLabel = new Map((parsed.results ?? []).map((r) => [r.label, r]));
  return Object.fromEntries(
    expected.map((label) => {
      const result = byLabel.get(label);
      if (!result) return [label, { skipped: `${script} printed no result for ${label}` }];
      return [label, { label, summary: summarize(result.times_ms, result.peak_rss_bytes) }];
    }),
  );
}

function runScript(python: string, script: string, options: PythonBaselineOptions) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(python, [script, ...(options.args ?? [])], {
      env: pythonEnvironment(options.threads ?? 1),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${python} ${script} exited with ${code}`));
    });
  });
}
