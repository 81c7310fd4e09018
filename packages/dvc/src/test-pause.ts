import { writeFile } from 'node:fs/promises';

/**
 * The one test hook of @repo/dvc, for end-to-end tests that `kill -9` a command at a chosen
 * point. It follows the same contract as the registry's hook (packages/registry/src/test-pause.ts).
 *
 * When `MLOPS_TEST_PAUSE_AT` names the step (or lists it, comma-separated), the process prints
 * `mlops: paused at <step> (pid <pid>)` on stderr, writes `<pid> <step>` to the file named by
 * `MLOPS_TEST_PAUSE_MARKER` when that is set, and waits until it is killed. Without the
 * variable, or when it names other steps, it does nothing.
 *
 * Steps (each is reached with a complete temporary file that is not yet renamed into place):
 * - `pull:download`: an object (or listing) downloaded into the cache's temp folder;
 * - `pull:checkout`: a workspace file copied into `.dvc/tmp/checkout`.
 */
export type PauseStep = 'pull:download' | 'pull:checkout';

export async function pauseAt(step: PauseStep): Promise<void> {
  const steps = process.env.MLOPS_TEST_PAUSE_AT?.split(',').map((s) => s.trim()) ?? [];
  if (!steps.includes(step)) return;
  process.stderr.write(`mlops: paused at ${step} (pid ${process.pid})\n`);
  const marker = process.env.MLOPS_TEST_PAUSE_MARKER;
  if (marker !== undefined && marker !== '') await writeFile(marker, `${process.pid} ${step}\n`);
  await new Promise<never>(() => {
    setInterval(() => {}, 2 ** 30);
  });
}
