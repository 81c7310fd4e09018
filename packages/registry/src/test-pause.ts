import { pauseAt as pause } from '@repo/test-hooks';

/**
 * Where the registry's test hook (`pauseAt` of `@repo/test-hooks`) can stop:
 * - `registry:publish-staged`: a version complete in its staging folder, not yet renamed into place;
 * - `registry:promote`: a promotion verified and decided, the log and `production.json` not yet written;
 * - `registry:promote-logged`: a promotion or rollback in the log, `production.json` not yet moved.
 */
export type RegistryPauseStep =
  | 'registry:publish-staged'
  | 'registry:promote'
  | 'registry:promote-logged';

/** Pauses at a registry step when `MLOPS_TEST_PAUSE_AT` names it (see `@repo/test-hooks`). */
export function pauseAt(step: RegistryPauseStep): Promise<void> {
  return pause(step);
}
