/**
 * Error classes of @repo/dvc: one class per kind of failure. Messages name the file, the
 * field and, for objects, the md5 and the workspace path they belong to.
 */

/** A `.dvc` pointer file cannot be read, is not YAML, or has a field of the wrong form. */
export class DvcPointerError extends Error {
  override readonly name = 'DvcPointerError';
  constructor(
    /** The pointer file, as given by the caller. */
    readonly file: string,
    /** The offending field, e.g. `outs[0].md5`, or `(file)` / `(yaml)` for whole-file problems. */
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${field}: ${message}`, options);
  }
}

/** `.dvc/config` or `.dvc/config.local` is malformed, or names a remote that is not defined. */
export class DvcConfigError extends Error {
  override readonly name = 'DvcConfigError';
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown; line?: number },
  ) {
    super(`${file}${options?.line === undefined ? '' : `:${options.line}`}: ${message}`, options);
    this.line = options?.line;
  }
  /** 1-based line in the file, when known. */
  readonly line: number | undefined;
}

/** An object's bytes do not hash to the md5 that names it. */
export class DvcObjectCorruptError extends Error {
  override readonly name = 'DvcObjectCorruptError';
  constructor(
    /** The md5 the object should have (with `.dir` for directory listings). */
    readonly md5: string,
    /** Workspace path (relative to the repo root, `/`-separated) the object belongs to. */
    readonly relpath: string,
    /** The md5 actually computed from the bytes. */
    readonly actualMd5: string,
    /** Where the bad bytes came from (a remote URL or the cache). */
    readonly source: string,
    options?: { cause?: unknown },
  ) {
    super(
      `object ${md5} for '${relpath}' from ${source} is corrupt: its bytes hash to ${actualMd5}`,
      options,
    );
  }
}

/** An object is neither in the cache nor on the remote. */
export class DvcObjectMissingError extends Error {
  override readonly name = 'DvcObjectMissingError';
  constructor(
    readonly md5: string,
    readonly relpath: string,
    /** Where it was looked for. */
    readonly searched: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`object ${md5} for '${relpath}' is missing (looked in: ${searched.join(', ')})`, options);
  }
}

/** A remote cannot be reached, answers with an error, or does not support the operation. */
export class DvcRemoteError extends Error {
  override readonly name = 'DvcRemoteError';
  constructor(
    readonly url: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`remote ${url}: ${message}`, options);
  }
}
