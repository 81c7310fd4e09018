import { relative, resolve } from 'node:path';
import * as cache from '@actions/cache';
import * as core from '@actions/core';

/**
 * `@actions/cache` that never fails the step. Without the cache service (no `ACTIONS_CACHE_URL`
 * / `ACTIONS_RESULTS_URL`, e.g. when the action runs outside GitHub, or the service is down), or
 * when a save races another job for the same key, a warning is logged and the action goes on
 * without the cache: a miss costs time, never correctness.
 *
 * Paths are given relative to `root` and passed to `@actions/cache` relative to
 * `GITHUB_WORKSPACE`, so that the cache version (a hash of the path strings) is the same in
 * every job that restores what another saved.
 */
export interface SafeCache {
  /** The key that matched, `undefined` on a miss or when the cache is unavailable. */
  restore(paths: readonly string[], key: string): Promise<string | undefined>;
  /** True when saved. */
  save(paths: readonly string[], key: string): Promise<boolean>;
}

export function createSafeCache(root: string, workspace: string): SafeCache {
  let warned = false;
  const available = (): boolean => {
    if (cache.isFeatureAvailable()) return true;
    if (!warned) {
      core.warning(
        'the GitHub Actions cache service is not available (no ACTIONS_CACHE_URL/ACTIONS_RESULTS_URL): continuing without the cache',
      );
      warned = true;
    }
    return false;
  };
  const forCache = (paths: readonly string[]) =>
    paths.map((p) => relative(resolve(workspace), resolve(root, p)) || '.');
  const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
  return {
    async restore(paths, key) {
      if (!available()) return undefined;
      try {
        return await cache.restoreCache(forCache(paths), key);
      } catch (error) {
        core.warning(`cache restore of ${key} failed, continuing without it: ${reason(error)}`);
        return undefined;
      }
    },
    async save(paths, key) {
      if (!available()) return false;
      try {
        await cache.saveCache(forCache(paths), key);
        return true;
      } catch (error) {
        core.warning(`cache save of ${key} failed, continuing: ${reason(error)}`);
        return false;
      }
    },
  };
}
