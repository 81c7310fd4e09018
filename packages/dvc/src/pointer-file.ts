import { readFile } from 'node:fs/promises';
import { parse, stringify } from 'yaml';
import { writeFileAtomic } from './atomic-write';
import { isDirObjectId, OBJECT_ID_PATTERN } from './cache-layout';
import { DvcPointerError } from './errors';
import type { HashAlgorithm } from './hash-file';

/** One entry of a pointer file's `outs:` list. */
export interface PointerOutput {
  /** Path of the tracked file or directory, relative to the pointer file's folder. */
  readonly path: string;
  /** Object id: 32 hex digits, plus `.dir` for a directory. */
  readonly md5: string;
  readonly size?: number;
  /** Number of files; directories only. */
  readonly nfiles?: number;
  /** `md5` for DVC 3 outputs (`hash: md5`), `md5-dos2unix` for legacy DVC 2 outputs (no `hash:`). */
  readonly algorithm: HashAlgorithm;
  readonly isDir: boolean;
}

/** A parsed `.dvc` pointer file. */
export interface Pointer {
  /** The file it was read from. */
  readonly file: string;
  readonly outs: readonly PointerOutput[];
  /** True when any output was written by DVC 2 (no `hash:` key). */
  readonly legacy: boolean;
  /** Why a legacy pointer matters; present only when `legacy` is true. */
  readonly legacyExplanation?: string;
}

/** Fields accepted by `writePointer` for each output. */
export interface PointerOutputInput {
  readonly path: string;
  readonly md5: string;
  readonly size: number;
  readonly nfiles?: number;
}

export const LEGACY_EXPLANATION =
  'written by DVC 2.x (no `hash:` key): its md5s use DVC 2 text normalization ' +
  '(CRLF line endings of text files are converted to LF, dos2unix, before hashing), so they ' +
  'may not match DVC 3 hashes (md5 of the raw bytes) of the same file; objects live in the ' +
  'legacy cache layout (<cache>/<2 hex>/<30 hex>, not files/md5/). Re-add with DVC 3 to migrate.';

function fail(file: string, field: string, message: string, cause?: unknown): never {
  throw new DvcPointerError(file, field, message, cause === undefined ? undefined : { cause });
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function readOutput(file: string, raw: unknown, index: number): PointerOutput {
  const at = `outs[${index}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail(file, at, `expected a mapping, got ${describe(raw)}`);
  }
  const out = raw as Record<string, unknown>;
  const { path, md5, size, nfiles, hash } = out;
  if (typeof path !== 'string' || path.trim() === '') {
    fail(file, `${at}.path`, `expected a non-empty string, got ${describe(path)}`);
  }
  if (typeof md5 !== 'string' || !OBJECT_ID_PATTERN.test(md5)) {
    fail(
      file,
      `${at}.md5`,
      `expected 32 lowercase hex digits (plus ".dir" for a directory), got ${describe(md5)}`,
    );
  }
  if (size !== undefined && !(Number.isSafeInteger(size) && (size as number) >= 0)) {
    fail(file, `${at}.size`, `expected a non-negative integer, got ${describe(size)}`);
  }
  if (nfiles !== undefined && !(Number.isSafeInteger(nfiles) && (nfiles as number) >= 0)) {
    fail(file, `${at}.nfiles`, `expected a non-negative integer, got ${describe(nfiles)}`);
  }
  const isDir = isDirObjectId(md5);
  if (nfiles !== undefined && !isDir) {
    fail(file, `${at}.nfiles`, 'only directory outputs (md5 ending in ".dir") have nfiles');
  }
  if (hash !== undefined && hash !== 'md5') {
    fail(file, `${at}.hash`, `expected "md5" (DVC 3) or no key (DVC 2), got ${describe(hash)}`);
  }
  return {
    path,
    md5,
    ...(size === undefined ? {} : { size: size as number }),
    ...(nfiles === undefined ? {} : { nfiles: nfiles as number }),
    algorithm: hash === 'md5' ? 'md5' : 'md5-dos2unix',
    isDir,
  };
}

/** Parse pointer-file text; `file` names it in errors. */
export function parsePointer(text: string, file: string): Pointer {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (cause) {
    fail(file, '(yaml)', `not valid YAML: ${(cause as Error).message}`, cause);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    fail(file, '(document)', `expected a mapping with an "outs" list, got ${describe(doc)}`);
  }
  const outsRaw = (doc as Record<string, unknown>).outs;
  if (!Array.isArray(outsRaw) || outsRaw.length === 0) {
    fail(file, 'outs', `expected a non-empty list, got ${describe(outsRaw)}`);
  }
  const outs = outsRaw.map((raw, index) => readOutput(file, raw, index));
  const legacy = outs.some((out) => out.algorithm === 'md5-dos2unix');
  return legacy
    ? { file, outs, legacy, legacyExplanation: LEGACY_EXPLANATION }
    : { file, outs, legacy };
}

/** Read and validate a `.dvc` pointer file (DVC 3, or legacy DVC 2 flagged `legacy: true`). */
export async function readPointer(file: string): Promise<Pointer> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    fail(file, '(file)', `cannot read: ${(cause as Error).message}`, cause);
  }
  return parsePointer(text, file);
}

/** DVC 3 pointer text, keys in DVC's order: md5, size, nfiles (directories), hash, path. */
export function formatPointer(outs: readonly PointerOutputInput[]): string {
  const list = outs.map((out) => ({
    md5: out.md5,
    size: out.size,
    ...(isDirObjectId(out.md5) ? { nfiles: out.nfiles ?? 0 } : {}),
    hash: 'md5',
    path: out.path,
  }));
  return stringify({ outs: list }, { indentSeq: false, lineWidth: 0 });
}

/** Write a DVC 3 pointer file atomically. */
export async function writePointer(
  file: string,
  outs: readonly PointerOutputInput[],
): Promise<void> {
  await writeFileAtomic(file, formatPointer(outs));
}
