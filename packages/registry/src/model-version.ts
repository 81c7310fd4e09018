/** What the registry records about a published model version. */

/** Where a model version came from; enough to reproduce it. Extra fields are kept as given. */
export interface Lineage {
  /** md5 of the training data (the DVC hash of `data/`). */
  readonly dataMd5: string;
  readonly gitCommit: string;
  /** Hash of the resolved model configuration. */
  readonly configHash: string;
  /** Versions of the packages that trained it (`@tensorflow/tfjs-node` → `4.22.0`). */
  readonly packages: Readonly<Record<string, string>>;
  /** The TensorFlow.js backend used (`tensorflow`, `cpu`, `wasm`). */
  readonly backend: string;
  readonly seed: number;
  readonly trainingMs: number;
  readonly createdAt?: string;
  /** The version this one was trained to replace, if any. */
  readonly parentVersion?: string;
  readonly [extra: string]: unknown;
}

/** One stored file of a version. */
export interface AssetInfo {
  readonly name: string;
  readonly size: number;
  /** Lowercase hex sha256 of the bytes. */
  readonly sha256: string;
}

export interface ModelVersion {
  readonly model: string;
  /** Semantic version without a leading `v`. */
  readonly version: string;
  /** `<model>@v<version>`: the git tag / release name of this version. */
  readonly tag: string;
  /** ISO 8601 time of publication. */
  readonly createdAt: string;
  /** Sorted by name. */
  readonly assets: readonly AssetInfo[];
  readonly lineage: Lineage;
  readonly metrics: Readonly<Record<string, number>>;
  readonly notes?: string;
}

/** A file to publish: stored under `name`, read from `path`. */
export interface PublishFile {
  readonly name: string;
  readonly path: string;
}

export interface PublishInput {
  readonly model: string;
  readonly version: string;
  readonly files: readonly PublishFile[];
  readonly lineage: Lineage;
  readonly metrics: Readonly<Record<string, number>>;
  readonly notes?: string;
}

/** A downloaded, verified file. */
export interface DownloadedAsset extends AssetInfo {
  /** Absolute path of the file in the destination directory. */
  readonly path: string;
}

export interface DownloadedVersion {
  readonly version: ModelVersion;
  /** The destination directory, absolute. */
  readonly dir: string;
  readonly assets: readonly DownloadedAsset[];
}

/** An entry of the append-only promotion log. */
export interface PromotionEvent {
  readonly model: string;
  /** `promote`: `version` became production. `rollback`: production went back to `version`. */
  readonly action: 'promote' | 'rollback';
  readonly version: string;
  /** Production before this event; null when there was none. */
  readonly previousVersion: string | null;
  readonly reason?: string;
  /** ISO 8601 time of the event. */
  readonly at: string;
}

/** The release tag of a model version: `<model>@v<version>`. */
export function versionTag(model: string, version: string): string {
  return `${model}@v${version}`;
}
