import type {
  DownloadedVersion,
  ModelVersion,
  PromotionEvent,
  PublishInput,
} from './model-version';

/** `production`: the promoted version; `latest`: the highest semver; otherwise a version (`1.2.0` or `v1.2.0`). */
export type VersionRef = 'production' | 'latest' | (string & {});

/**
 * A store of immutable, checksummed model versions with a movable production pointer.
 * Transport-neutral: `FileRegistry` keeps it on disk; a GitHub Releases implementation
 * keeps versions as releases (`<model>@v<version>`) behind the same interface.
 */
export interface ModelRegistry {
  /** Every version of `model`, newest semver first; empty when the model is unknown. */
  list(model: string): Promise<ModelVersion[]>;
  get(model: string, version: string): Promise<ModelVersion | undefined>;
  resolve(model: string, ref: VersionRef): Promise<ModelVersion | undefined>;
  /**
   * Stores a new version. Atomic: on failure nothing is stored. Re-publishing the same
   * version with identical files returns the stored version; with different files it throws
   * `VersionExistsError`.
   */
  publish(input: PublishInput): Promise<ModelVersion>;
  /** Copies the assets of a version into `destDir`, verifying every sha256. */
  download(model: string, version: string, destDir: string): Promise<DownloadedVersion>;
  /** Makes `version` the production version. */
  promote(model: string, version: string, reason?: string): Promise<void>;
  /** Moves production back to the version that was production before the current one. */
  rollback(model: string, reason?: string): Promise<ModelVersion>;
  /** The promotion log, oldest event first. */
  history(model: string): Promise<PromotionEvent[]>;
}
