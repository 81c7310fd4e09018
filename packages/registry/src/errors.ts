/** The errors `@repo/registry` throws, one class per kind of failure. */

/** A version string is not a semantic version (`MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`). */
export class InvalidVersionError extends Error {
  override readonly name = 'InvalidVersionError';
}

/** A model name cannot be used as a registry key (or as part of a release tag). */
export class InvalidModelNameError extends Error {
  override readonly name = 'InvalidModelNameError';
}

/** An asset name is unsafe (a path, a reserved file name) or used twice in one publish. */
export class InvalidAssetNameError extends Error {
  override readonly name = 'InvalidAssetNameError';
}

/** A file handed to `publish` could not be read or copied. */
export class AssetReadError extends Error {
  override readonly name = 'AssetReadError';
}

/** The version is already published with different content. */
export class VersionExistsError extends Error {
  override readonly name = 'VersionExistsError';
}

/** The version (or the model) is not in the registry. */
export class UnknownVersionError extends Error {
  override readonly name = 'UnknownVersionError';
}

/** A stored or downloaded asset does not have the sha256 recorded for it. */
export class ChecksumMismatchError extends Error {
  override readonly name = 'ChecksumMismatchError';
  constructor(
    message: string,
    readonly asset: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** There is no production version to act on (rollback without an earlier production). */
export class NoProductionError extends Error {
  override readonly name = 'NoProductionError';
}

/** A registry file (manifest, pointer, log, SHA256SUMS) cannot be parsed. */
export class RegistryCorruptError extends Error {
  override readonly name = 'RegistryCorruptError';
}

/**
 * The registry's write lock is held by another live writer for longer than this one waits.
 * Nothing was written.
 */
export class RegistryLockedError extends Error {
  override readonly name = 'RegistryLockedError';
}
