import { writeFile } from 'node:fs/promises';

/**
 * The test hook for end-to-end tests that interrupt a real `mlops` process at a chosen point
 * (a `kill -9`, or two processes meeting at a step). When `MLOPS_TEST_PAUSE_AT` names `step` (or
 * lists it, comma-separated), the process prints `mlops: paused at <step> (pid <pid>)` on stderr,
 * writes `<pid> <step>` to the file named by `MLOPS_TEST_PAUSE_MARKER` when that is set, and
 * waits until it is killed, or `MLOPS_TEST_PAUSE_MS` milliseconds when that is set. Without the
 * variable, or when it names other steps, it does nothing. Each package names its own steps
 * (`pull:download`, `registry:promote`, …) next to the code that reaches them.
 */
export async function pauseAt(step: string): Promise<void> {
  const steps = process.env.MLOPS_TEST_PAUSE_AT?.split(',').map((s) => s.trim()) ?? [];
  if (!steps.includes(step)) return;
  process.stderr.write(`mlops: paused at ${step} (pid ${process.pid})\n`);
  const marker = process.env.MLOPS_TEST_PAUSE_MARKER;
  if (marker !== undefined && marker !== '') await writeFile(marker, `${process.pid} ${step}\n`);
  const ms = Number(process.env.MLOPS_TEST_PAUSE_MS);
  const wait = process.env.MLOPS_TEST_PAUSE_MS !== undefined && ms >= 0 ? ms : 2 ** 31 - 1;
  // A timer keeps the process alive while it waits (a bare pending promise would let it exit).
  await new Promise((resolve) => setTimeout(resolve, wait));
}
