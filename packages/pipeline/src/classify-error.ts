/**
 * What kind of failure an error is, for exit codes and for what the caller tells the user. Every
 * error class of the packages carries its own `exitCode` (`readonly exitCode = 3` in its
 * `errors.ts`), so no central list can forget one:
 * - `usage` (2): the command line asks for something that cannot be done as asked;
 * - `input` (3): something the user gave is wrong (config, data, pointer, version, order of steps,
 *   a path that does not exist);
 * - `integrity` (4): stored content does not match its checksum or format;
 * - `internal` (70): anything else (a bug, the environment).
 */
export type ErrorKind = 'usage' | 'input' | 'integrity' | 'internal';

const KIND_OF_EXIT_CODE: Readonly<Record<number, ErrorKind>> = {
  2: 'usage',
  3: 'input',
  4: 'integrity',
};

/**
 * Node's errors for a path that is missing or is not what the call needs (`open`, `stat`,
 * `readdir` of a path the user named): an input problem, not a crash. A full disk is not here.
 */
const PATH_ERROR_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/** A Node.js system error about a path (`ENOENT: no such file or directory, open 'x'`). */
function isPathError(error: unknown): error is NodeJS.ErrnoException & { path: string } {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  return typeof code === 'string' && PATH_ERROR_CODES.has(code) && typeof path === 'string';
}

/** The exit code an error carries (`exitCode` of its class), 3 for a missing path, else 70. */
function exitCodeOf(error: unknown): number {
  const code = (error as { exitCode?: unknown } | null)?.exitCode;
  if (error instanceof Error && typeof code === 'number' && code in KIND_OF_EXIT_CODE) return code;
  return isPathError(error) ? 3 : 70;
}

export function classifyError(error: unknown): ErrorKind {
  return KIND_OF_EXIT_CODE[exitCodeOf(error)] ?? 'internal';
}
