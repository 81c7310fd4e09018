/**
 * Test hook for interrupting a real process at a named step. When `MLOPS_TEST_PAUSE_AT` names
 * `step` (or lists it, comma-separated), prints `mlops: paused at <step> (pid <pid>)` on stderr
 * and waits `MLOPS_TEST_PAUSE_MS` milliseconds, or until the process is killed when that is not
 * set. End-to-end tests use it to `kill -9` a command in the middle of a write, or to make two
 * commands meet at the same step. Without the variable it does nothing.
 */
export async function pauseAt(step: string): Promise<void> {
  const steps = process.env.MLOPS_TEST_PAUSE_AT?.split(',').map((s) => s.trim()) ?? [];
  if (!steps.includes(step)) return;
  process.stderr.write(`mlops: paused at ${step} (pid ${process.pid})\n`);
  const ms = Number(process.env.MLOPS_TEST_PAUSE_MS);
  const wait = Number.isFinite(ms) && ms >= 0 ? ms : 2 ** 31 - 1;
  await new Promise((resolve) => setTimeout(resolve, wait));
}
