import { pauseAt as pause } from '@repo/test-hooks';

/**
 * Where @repo/dvc's test hook (`pauseAt` of `@repo/test-hooks`) can stop, each with a complete
 * temporary file that is not yet renamed into place:
 * - `pull:download`: an object (or listing) downloaded into the cache's temp folder;
 * - `pull:checkout`: a workspace file copied into `.dvc/tmp/checkout`.
 */
export type PauseStep = 'pull:download' | 'pull:checkout';

/** Pauses at a data step when `MLOPS_TEST_PAUSE_AT` names it (see `@repo/test-hooks`). */
export function pauseAt(step: PauseStep): Promise<void> {
  return pause(step);
}
