export { writeFileAtomic } from './atomic-write';
export {
  AssetReadError,
  ChecksumMismatchError,
  InvalidAssetNameError,
  InvalidModelNameError,
  InvalidVersionError,
  NoProductionError,
  RegistryCorruptError,
  RegistryLockedError,
  UnknownVersionError,
  VersionExistsError,
} from './errors';
export type { FileRegistryOptions } from './file-registry';
export { FileRegistry, LOCK_FILE } from './file-registry';
export { assertModelName } from './model-name';
export type { ModelRegistry, RollbackOptions, VersionRef } from './model-registry';
export type {
  AssetInfo,
  DownloadedAsset,
  DownloadedVersion,
  Lineage,
  ModelVersion,
  PromotionEvent,
  PublishFile,
  PublishInput,
} from './model-version';
export { versionTag } from './model-version';
export type { ProductionPointer } from './production-pointer';
export type { ProductionState } from './promotion-log';
export { productionStack, productionState, rollbackTarget } from './promotion-log';
export type { SemVer, VersionBump } from './semver';
export {
  compareSemver,
  isSemver,
  nextVersion,
  parseSemver,
  sortSemverDescending,
  stripVersionPrefix,
} from './semver';
export { sha256File } from './sha256-file';
export type { Sha256Entry } from './sha256-sums';
export {
  formatSha256Sums,
  parseSha256Sums,
  readSha256Sums,
  SHA256SUMS_FILE,
  writeSha256Sums,
} from './sha256-sums';
export { STAGING_PREFIX } from './staging-dir';
export type { RegistryPauseStep } from './test-pause';
export { pauseAt } from './test-pause';
export {
  formatVersionManifest,
  parseVersionManifest,
  VERSION_MANIFEST_FILE,
} from './version-manifest';
export type { LockOwner, WriteLockOptions } from './write-lock';
export { withWriteLock } from './write-lock';
