/**
 * Error classes of @repo/dvc: one class per kind of failure. Messages name the file, the
 * field and, for objects, the md5 and the workspace path they belong to.
 */

/** A `.dvc` pointer file cannot be read, is not YAML, or has a field of the wrong form. */
export class DvcPointerError extends Error {
  override readonly name: string = 'DvcPointerError';
  readonly exitCode: number = 3;
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
  readonly exitCode = 3;
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
  readonly exitCode = 4;
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
  readonly exitCode = 3;
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
  readonly exitCode = 3;
  constructor(
    readonly url: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`remote ${url}: ${message}`, options);
  }
}

/** At most this many paths are named in a message; the error's field has them all. */
const NAMED_PATHS = 10;

function namePaths(paths: readonly string[]): string {
  const named = paths.slice(0, NAMED_PATHS).join(', ');
  return paths.length > NAMED_PATHS ? `${named} and ${paths.length - NAMED_PATHS} more` : named;
}

/**
 * `pull` would overwrite workspace files whose contents are not in the cache (edited, or
 * created there), so they would be lost. Nothing was written. A DvcPointerError (the workspace
 * does not match the pointer), so it maps to exit code 3, invalid input.
 */
export class DvcWorkspaceConflictError extends DvcPointerError {
  override readonly name: string = 'DvcWorkspaceConflictError';
  constructor(
    /** The pointer files whose outputs hold the files, relative to the root. */
    readonly pointers: readonly string[],
    /** The files, relative to the root, `/`-separated. */
    readonly paths: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(
      pointers.join(', '),
      'outs',
      `pull would overwrite ${paths.length} workspace file${paths.length === 1 ? '' : 's'} whose contents are not in the DVC cache: ${namePaths(paths)}. Nothing was written. Add the change to keep it, or pull with --force to discard it.`,
      options,
    );
  }
}

/**
 * `add` was given a path inside an output another pointer already tracks, or a folder holding
 * one: a second pointer would overlap it. Named by the pointer that tracks it (`file`) and that
 * output's field. A DvcPointerError, so exit code 3 (invalid input); nothing was written.
 */
export class DvcOverlappingOutputError extends DvcPointerError {
  override readonly name: string = 'DvcOverlappingOutputError';
  constructor(
    /** The pointer file that already tracks the overlapping output, relative to the root. */
    readonly trackedBy: string,
    /** Index of that output in its `outs`. */
    outIndex: number,
    /** That output, relative to the root. */
    readonly trackedPath: string,
    /** The target of add, relative to the root. */
    readonly target: string,
    options?: { cause?: unknown },
  ) {
    super(
      trackedBy,
      `outs[${outIndex}].path`,
      trackedPath === target
        ? `${target} is already tracked by this pointer; a second pointer would overlap it`
        : target.startsWith(`${trackedPath}/`)
          ? `${target} is inside ${trackedPath}, which this pointer already tracks; add ${trackedPath} instead to version the change`
          : `${target} holds ${trackedPath}, which this pointer already tracks; a second pointer would overlap it`,
      options,
    );
  }
}
