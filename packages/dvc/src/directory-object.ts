import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DvcObjectCorruptError } from './errors';
import { type HashAlgorithm, hashBytes, hashFile } from './hash-file';

/** One file of a directory object. `relpath` is `/`-separated, relative to the directory. */
export interface DirEntry {
  readonly md5: string;
  readonly relpath: string;
  /** Byte size; known when hashed from disk, absent when read from a `.dir` listing. */
  readonly size?: number;
}

/** A hashed directory: its `.dir` id, total size, file count and sorted entries. */
export interface DirectoryHash {
  /** md5 of the serialized listing, with the `.dir` suffix. */
  readonly md5: string;
  readonly size: number;
  readonly nfiles: number;
  readonly entries: readonly DirEntry[];
  /** The exact `.dir` object bytes. */
  readonly listing: Buffer;
}

/** Folder names DVC never descends into inside a tracked directory. */
const IGNORED_DIR_NAMES = new Set(['.git', '.hg', '.dvc']);

/** Python's `str` ordering: by code point, which UTF-8 byte order preserves. */
export function compareRelpaths(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A string as Python's `json.dumps` writes it (ensure_ascii=True: everything outside ' '..'~' escaped). */
function pythonJsonString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i += 1) {
    const ch = value.charAt(i);
    const code = value.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (code >= 0x20 && code <= 0x7e) out += ch;
    // UTF-16 code units: astral characters become their surrogate pair, as in Python.
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/**
 * The `.dir` object bytes, byte-identical to DVC's: dvc-data `hashfile/tree.py`
 * `Tree.as_bytes()` = `json.dumps(sorted(list, key=relpath), sort_keys=True).encode()`,
 * i.e. a JSON array of `{"md5": ..., "relpath": ...}` sorted by relpath (code-point order),
 * keys in alphabetical order, Python's default separators `", "` and `": "`, ASCII-only
 * output, `/` in relpaths.
 */
export function serializeDirEntries(entries: readonly DirEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => compareRelpaths(a.relpath, b.relpath));
  const items = sorted.map(
    (e) => `{"md5": ${pythonJsonString(e.md5)}, "relpath": ${pythonJsonString(e.relpath)}}`,
  );
  return Buffer.from(`[${items.join(', ')}]`, 'utf8');
}

/** The `.dir` id of a listing: md5 of its bytes plus `.dir` (dvc-data `Tree.digest`). */
export function dirObjectId(listing: Uint8Array): string {
  return `${hashBytes(listing)}.dir`;
}

/** A relpath that stays inside its directory: no empty, `.` or `..` segment, not absolute. */
export function isSafeRelpath(relpath: string): boolean {
  if (relpath === '' || relpath.startsWith('/') || relpath.includes('\\')) return false;
  return relpath.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/**
 * Parse `.dir` object bytes; `expectedMd5` (with `.dir`) is verified first.
 * Throws DvcObjectCorruptError when the bytes do not hash to it or are not a listing.
 */
export function parseDirObject(
  bytes: Uint8Array,
  expectedMd5: string,
  relpath: string,
  source: string,
): DirEntry[] {
  const actual = dirObjectId(bytes);
  if (actual !== expectedMd5) {
    throw new DvcObjectCorruptError(expectedMd5, relpath, actual, source);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (cause) {
    throw new DvcObjectCorruptError(expectedMd5, relpath, 'invalid JSON', source, { cause });
  }
  if (!Array.isArray(raw)) {
    throw new DvcObjectCorruptError(expectedMd5, relpath, 'not a JSON array', source);
  }
  return raw.map((item: unknown, index) => {
    const entry = item as { md5?: unknown; relpath?: unknown } | null;
    if (
      typeof entry?.md5 !== 'string' ||
      !/^[0-9a-f]{32}$/.test(entry.md5) ||
      typeof entry.relpath !== 'string' ||
      !isSafeRelpath(entry.relpath)
    ) {
      throw new DvcObjectCorruptError(expectedMd5, relpath, `bad entry #${index}`, source);
    }
    return { md5: entry.md5, relpath: entry.relpath };
  });
}

/** Every regular file under `dir` (following symlinks), as `/`-separated relpaths, sorted. */
export async function listDirectoryFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  async function walk(abs: string, rel: string): Promise<void> {
    const children = await readdir(abs, { withFileTypes: true });
    for (const child of children) {
      const childAbs = join(abs, child.name);
      const childRel = rel === '' ? child.name : `${rel}/${child.name}`;
      let isDir = child.isDirectory();
      let isFile = child.isFile();
      if (child.isSymbolicLink()) {
        const target = await stat(childAbs);
        isDir = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDir && !IGNORED_DIR_NAMES.has(child.name)) await walk(childAbs, childRel);
      else if (isFile) files.push(childRel);
    }
  }
  await walk(dir, '');
  return files.sort(compareRelpaths);
}

/**
 * Hash a directory as DVC does: md5 of each file (streamed), then the `.dir` listing and its id.
 * `.git`, `.hg` and `.dvc` folders are skipped; `.dvcignore` is not supported.
 */
export async function hashDirectory(
  dir: string,
  algorithm: HashAlgorithm = 'md5',
): Promise<DirectoryHash> {
  const relpaths = await listDirectoryFiles(dir);
  const entries: DirEntry[] = [];
  let size = 0;
  for (const relpath of relpaths) {
    const hashed = await hashFile(join(dir, ...relpath.split('/')), algorithm);
    entries.push({ md5: hashed.md5, relpath, size: hashed.size });
    size += hashed.size;
  }
  const listing = serializeDirEntries(entries);
  return { md5: dirObjectId(listing), size, nfiles: entries.length, entries, listing };
}
