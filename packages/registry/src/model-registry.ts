import type {
  DownloadedVersion,
  ModelVersion,
  PromotionEvent,
  PublishInput,
} from './model-version';

/** `production`: the promoted version; `latest`: the highest semver; otherwise a version (`1.2.0` or `v1.2.0`). */
export type VersionRef = 'production' | 'latest' | (string & {});

/** Options of `rollback`. */
export interface RollbackOptions {
  /** The earlier production version to return to (`1.0.0` or `v1.0.0`); default: the previous one. */
  readonly to?: string;
}

/**
 * A store of immutable, checksummed model versions with a movable production pointer.
 * Transport-neutral: `FileRegistry` keeps it on disk; a GitHub Releases implementation
 * keeps versions as releases (`<model>@v<version>`) behind the same interface.
 *
 * What "production" means, the same in every implementation (the contract suite in
 * `test/contract/registry-contract.ts` checks each one):
 * - Production is read from the promotion log (`history`) as a stack (`productionState`): a
 *   promotion pushes its version, a rollback pops down to its target. The top is production.
 * - Publishing never changes production. With no promotion there is no production:
 *   `resolve(model, 'production')` is `undefined` even when versions exist.
 * - `promote` and `rollback` move production only to a registered version whose every asset has
 *   its recorded sha256 (`ChecksumMismatchError` naming the asset otherwise; nothing changes).
 * - `rollback` returns to the production before the current one, or with `to` to an earlier
 *   production version further down the stack (`NoProductionError` when there is none). The
 *   versions it takes out of production stay out until promoted again explicitly
 *   (`productionState(...).rolledBack`): retraining a bit-identical candidate does not undo it.
 * - Production records that name a version the registry does not have, or that disagree with
 *   each other, are a `RegistryCorruptError` naming the record, never "no production".
 * - Writes that must not interleave (choosing the next version, publishing it, moving
 *   production) run inside `withWriteLock`.
 */
export interface ModelRegistry {
  /** Every version of `model`, newest semver first; empty when the model is unknown. */
  list(model: string): Promise<ModelVersion[]>;
  get(model: string, version: string): Promise<ModelVersion | undefined>;
  /** `production` follows the contract above; `undefined` when there is no such version. */
  resolve(model: string, ref: VersionRef): Promise<ModelVersion | undefined>;
  /**
   * Stores a new version. Atomic: on failure nothing is stored. Re-publishing the same
   * version with identical files returns the stored version; with different files it throws
   * `VersionExistsError`.
   */
  publish(input: PublishInput): Promise<ModelVersion>;
  /** Copies the assets of a version into `destDir`, verifying every sha256. */
  download(model: string, version: string, destDir: string): Promise<DownloadedVersion>;
  /** Makes `version` production after verifying its assets; nothing when it is production already. */
  promote(model: string, version: string, reason?: string): Promise<void>;
  /**
   * Moves production back to the version that was production before the current one (or to
   * `options.to`), after verifying its assets; returns it.
   */
  rollback(model: string, reason?: string, options?: RollbackOptions): Promise<ModelVersion>;
  /** The promotion log, oldest event first. */
  history(model: string): Promise<PromotionEvent[]>;
  /**
   * Runs `fn` while no other writer of this registry runs its own `withWriteLock` section for
   * `model` (other processes included), so reading the versions, publishing the next one and
   * moving production happen as one step. Re-entrant: `publish`, `promote` and `rollback` called
   * inside it do not wait for themselves.
   */
  withWriteLock<T>(model: string, fn: () => Promise<T>): Promise<T>;
}
