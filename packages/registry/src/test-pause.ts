import { writeFile } from 'node:fs/promises';

/**
 * Where the registry's test hook can stop:
 * - `registry:publish-staged`: a version complete in its staging folder, not yet renamed into place;
 * - `registry:promote`: a promotion verified and decided, the log and `production.json` not yet written;
 * - `registry:promote-logged`: a promotion or rollback in the log, `production.json` not yet moved.
 */
export type RegistryPauseStep =
  | 'registry:publish-staged'
  | 'registry:promote'
  | 'registry:promote-logged';

/**
 * Test hook for interrupting a real process at a named step (the same contract as
 * packages/dvc/src/test-pause.ts). When `MLOPS_TEST_PAUSE_AT` names `step` (or lists it,
 * comma-separated), prints `mlops: paused at <step> (pid <pid>)` on stderr, writes
 * `<pid> <step>` to the file named by `MLOPS_TEST_PAUSE_MARKER` when that is set, and waits until
 * the process is killed, or `MLOPS_TEST_PAUSE_MS` milliseconds when that is set (to make two
 * processes meet at a step). Without the variable, or when it names other steps, it does nothing.
 */
export async function pauseAt(step: RegistryPauseStep): Promise<void> {
  const steps = process.env.MLOPS_TEST_PAUSE_AT?.split(',').map((s) => s.trim()) ?? [];
  if (!steps.includes(step)) return;
  process.stderr.write(`mlops: paused at ${step} (pid ${process.pid})\n`);
  const marker = process.env.MLOPS_TEST_PAUSE_MARKER;
  if (marker !== undefined && marker !== '') await writeFile(marker, `${process.pid} ${step}\n`);
  const ms = Number(process.env.MLOPS_TEST_PAUSE_MS);
  const wait = process.env.MLOPS_TEST_PAUSE_MS !== undefined && ms >= 0 ? ms : 2 ** 31 - 1;
  await new Promise((resolve) => setTimeout(resolve, wait));
}
