import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CliRun } from './run-cli';
import { projectRoot } from './template-repo';

const BIN = join(projectRoot, 'packages/cli/bin/mlops.js');

/**
 * Starts `mlops` with the test hook `MLOPS_TEST_PAUSE_AT=<step>` (see packages/test-hooks/src/pause-at.ts)
 * and resolves once the process has written its marker and waits there, ready for `kill -9`.
 * Rejects when the process exits without reaching the step.
 */
export async function startPausedCli(
  args: readonly string[],
  options: { cwd: string; step: string; marker: string },
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: {
      ...process.env,
      CI: 'true',
      MLOPS_BACKEND: 'wasm',
      MLOPS_TEST_PAUSE_AT: options.step,
      MLOPS_TEST_PAUSE_MARKER: options.marker,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  let exited: number | null | undefined;
  child.on('exit', (code) => {
    exited = code;
  });
  for (let waited = 0; waited < 30_000; waited += 20) {
    if (existsSync(options.marker) && readFileSync(options.marker, 'utf8').endsWith('\n')) {
      return child;
    }
    if (exited !== undefined) {
      throw new Error(
        `mlops ${args.join(' ')} exited (${exited}) before ${options.step}: ${stderr}`,
      );
    }
    await sleep(20);
  }
  child.kill('SIGKILL');
  throw new Error(`mlops ${args.join(' ')} did not reach ${options.step} within 30 s`);
}

/** `kill -9` the process and wait until it is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  const gone = new Promise((done) => child.once('exit', done));
  child.kill('SIGKILL');
  await gone;
}

/**
 * Runs `mlops` inside a pseudo-terminal (util-linux `script`), so stdout and stderr are TTYs;
 * `stdout` is everything the terminal showed.
 */
export function runCliInTerminal(
  args: readonly string[],
  options: { cwd: string },
): Promise<CliRun> {
  const command = [process.execPath, BIN, ...args].map(
    (word) => `'${word.replaceAll("'", "'\\''")}'`,
  );
  return new Promise((resolve) => {
    execFile(
      'script',
      ['-qefc', command.join(' '), '/dev/null'],
      { cwd: options.cwd, env: { ...process.env, MLOPS_BACKEND: 'wasm', CI: '', TERM: 'xterm' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
