/** The errors `@repo/registry` throws, one class per kind of failure. */

/** A version string is not a semantic version (`MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`). */
export class InvalidVersionError extends Error {
  override readonly name = 'InvalidVersionError';
  readonly exitCode = 3;
}

/** A model name cannot be used as a registry key (or as part of a release tag). */
export class InvalidModelNameError extends Error {
  override readonly name = 'InvalidModelNameError';
  readonly exitCode = 3;
}

/** An asset name is unsafe (a path, a reserved file name) or used twice in one publish. */
export class InvalidAssetNameError extends Error {
  override readonly name = 'InvalidAssetNameError';
  readonly exitCode = 70;
}

/** A file handed to `publish` could not be read or copied. */
export class AssetReadError extends Error {
  override readonly name = 'AssetReadError';
  readonly exitCode = 70;
}

/** The version is already published with different content. */
export class VersionExistsError extends Error {
  override readonly name = 'VersionExistsError';
  readonly exitCode = 3;
}

/** The version (or the model) is not in the registry. */
export class UnknownVersionError extends Error {
  override readonly name = 'UnknownVersionError';
  readonly exitCode = 3;
}

/** A stored or downloaded asset does not have the sha256 recorded for it. */
export class ChecksumMismatchError extends Error {
  override readonly name = 'ChecksumMismatchError';
  readonly exitCode = 4;
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
  readonly exitCode = 3;
}

/** A registry file (manifest, pointer, log, SHA256SUMS) cannot be parsed. */
export class RegistryCorruptError extends Error {
  override readonly name = 'RegistryCorruptError';
  readonly exitCode = 4;
}

/**
 * The registry's write lock is held by another live writer for longer than this one waits.
 * Nothing was written.
 */
export class RegistryLockedError extends Error {
  override readonly name = 'RegistryLockedError';
  readonly exitCode = 3;
}
