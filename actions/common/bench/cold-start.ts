import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ColdStartOptions {
  /** The bundle to run, e.g. `actions/report/dist/index.js`. */
  readonly bundle: string;
  /** `INPUT_*` and other variables, besides the runner's (`GITHUB_*`) which are set here. */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly runs: number;
}

/**
 * Runs `bundle` as the runner does (a `node` process with `INPUT_*` and `GITHUB_*` variables)
 * against a loopback HTTP server standing in for the API, and returns the milliseconds from
 * spawning the process to the first request the server receives (the process is then killed).
 * The server answers every request with a 503, so no run gets past its first call.
 */
export async function coldStartMs(options: ColdStartOptions): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) times.push(await once(options));
  return times;
}

/** Milliseconds from spawning `node <args>` to its exit. */
export async function processMs(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', () => resolve());
  });
  return performance.now() - started;
}

async function once(options: ColdStartOptions): Promise<number> {
  const temp = await mkdtemp(join(tmpdir(), 'cold-start-'));
  let firstRequest: number | undefined;
  let onFirst: () => void = () => {};
  const first = new Promise<void>((resolve) => {
    onFirst = resolve;
  });
  const server = createServer((req, res) => {
    firstRequest ??= performance.now();
    onFirst();
    req.resume();
    res.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"bench"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const output = join(temp, 'output');
  await writeFile(output, '');
  const started = performance.now();
  const child = spawn(process.execPath, [options.bundle], {
    cwd: options.cwd,
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH ?? '',
      GITHUB_API_URL: `http://127.0.0.1:${port}`,
      GITHUB_REPOSITORY: 'octo/bench',
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_OUTPUT: output,
      GITHUB_STATE: join(temp, 'state'),
      GITHUB_STEP_SUMMARY: join(temp, 'summary'),
      GITHUB_WORKSPACE: options.cwd,
      RUNNER_TEMP: temp,
      ...options.env,
    },
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await Promise.race([first, exited]);
  child.kill();
  await exited;
  server.close();
  await rm(temp, { recursive: true, force: true });
  if (firstRequest === undefined)
    throw new Error(`${options.bundle} exited without calling the API`);
  return firstRequest - started;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
