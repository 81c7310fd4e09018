import { writeFile } from 'node:fs/promises';

/**
 * The one test hook of @repo/dvc, for tests that `kill -9` a command at a chosen point.
 *
 * With `MLOPS_TEST_PAUSE_AT=<step>` set, the process stops when it reaches that step: it
 * writes `<pid> <step>` to the file named by `MLOPS_TEST_PAUSE_MARKER` (or to stderr when that
 * is unset) and then waits until it is killed. Unset, or naming another step, it does nothing.
 *
 * Steps (each is reached with a complete temporary file that is not yet renamed into place):
 * - `pull:download`: an object downloaded into the cache's temp folder;
 * - `pull:checkout`: a workspace file copied into `.dvc/tmp/`.
 */
export type PauseStep = 'pull:download' | 'pull:checkout';

export async function pauseAt(step: PauseStep): Promise<void> {
  if (process.env.MLOPS_TEST_PAUSE_AT !== step) return;
  const line = `${process.pid} ${step}\n`;
  const marker = process.env.MLOPS_TEST_PAUSE_MARKER;
  if (marker === undefined || marker === '') process.stderr.write(line);
  else await writeFile(marker, line);
  await new Promise<never>(() => {
    setInterval(() => {}, 2 ** 30);
  });
}
