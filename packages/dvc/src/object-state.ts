import type { BigIntStats } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withTempFile } from './atomic-write';
import { workspaceTempDir } from './cache-layout';

/**
 * Cache objects this repository has verified, as DVC's state database keeps them
 * (`.dvc/tmp/`, inode + mtime + size → the hash they had): an object is trusted, and not
 * hashed again on checkout, only while its inode, size, mtime and ctime are the ones it had
 * when its bytes were hashed. Any write to it (a user, bit rot repaired by a tool, a copy
 * over it) changes mtime or ctime, and the next pull hashes it again.
 */
export class TrustedObjects {
  #changed = false;
  private constructor(
    readonly file: string,
    readonly tempDir: string,
    readonly cacheDir: string,
    readonly entries: Map<string, string>,
  ) {}

  /** `<dvcDir>/tmp/object-state.json`; an unreadable or foreign (other cache) file trusts nothing. */
  static async load(dvcDir: string, cacheDir: string): Promise<TrustedObjects> {
    const file = join(dvcDir, 'tmp', 'object-state.json');
    let entries = new Map<string, string>();
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as {
        version?: unknown;
        cacheDir?: unknown;
        objects?: unknown;
      };
      if (parsed.version === 1 && parsed.cacheDir === cacheDir && isStringRecord(parsed.objects)) {
        entries = new Map(Object.entries(parsed.objects));
      }
    } catch {
      // Missing or damaged: every cached object is hashed before use, as without a state.
    }
    return new TrustedObjects(file, workspaceTempDir(dvcDir), cacheDir, entries);
  }

  /** Is the object `key` (its cache path) unchanged since it was verified? */
  isTrusted(key: string, stats: BigIntStats): boolean {
    return this.entries.get(key) === signature(stats);
  }

  /** Record that the object `key`, as `stats` describe it, has the bytes its md5 names. */
  trust(key: string, stats: BigIntStats): void {
    this.entries.set(key, signature(stats));
    this.#changed = true;
  }

  /** Forget `key` (its bytes were found wrong, or it was removed). */
  distrust(key: string): void {
    this.#changed = this.entries.delete(key) || this.#changed;
  }

  /** Write the state atomically when it changed. */
  async save(): Promise<void> {
    if (!this.#changed) return;
    const objects = Object.fromEntries(this.entries);
    const text = JSON.stringify({ version: 1, cacheDir: this.cacheDir, objects });
    // The temp file goes where interrupted runs' temp files are swept (`.dvc/tmp/checkout`).
    await withTempFile(this.file, (temp) => writeFile(temp, text), { tempDir: this.tempDir });
    this.#changed = false;
  }
}

function signature(stats: BigIntStats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}
