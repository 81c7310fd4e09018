export { writeFileAtomic } from './atomic-write';
export {
  AssetReadError,
  ChecksumMismatchError,
  InvalidAssetNameError,
  InvalidModelNameError,
  InvalidVersionError,
  NoProductionError,
  RegistryCorruptError,
  UnknownVersionError,
  VersionExistsError,
} from './errors';
export type { FileRegistryOptions } from './file-registry';
export { FileRegistry } from './file-registry';
export { assertModelName } from './model-name';
export type { ModelRegistry, VersionRef } from './model-registry';
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
export { productionStack, rollbackTarget } from './promotion-log';
export type { SemVer, VersionBump } from './semver';
export { compareSemver, isSemver, nextVersion, parseSemver, sortSemverDescending } from './semver';
export { sha256File } from './sha256-file';
export type { Sha256Entry } from './sha256-sums';
export {
  formatSha256Sums,
  parseSha256Sums,
  readSha256Sums,
  SHA256SUMS_FILE,
  writeSha256Sums,
} from './sha256-sums';
export {
  formatVersionManifest,
  parseVersionManifest,
  VERSION_MANIFEST_FILE,
} from './version-manifest';
