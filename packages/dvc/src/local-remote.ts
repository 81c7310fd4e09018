import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { copyFileAtomic, removeStaleTempFiles } from './atomic-write';
import { copyThrough } from './copy-through';
import type { ChunkListener, Remote } from './remote';

/**
 * A remote that is a folder on this machine (DVC's layout: `<root>/files/md5/xx/yyyy…`).
 * Uploads are copied through `<root>/tmp/` (git-ignored by its own `.gitignore`, so an
 * interrupted push to a remote committed with the repository leaves nothing to commit) and
 * renamed into place; the temp files of interrupted pushes are removed by the next one.
 */
export class LocalRemote implements Remote {
  readonly readOnly = false;
  #tempReady: Promise<string> | undefined;
  constructor(readonly url: string) {}

  #path(key: string): string {
    return join(this.url, ...key.split('/'));
  }

  /** `<root>/tmp`, created with a `.gitignore` of `*` and swept, once per instance. */
  #tempDir(): Promise<string> {
    this.#tempReady ??= (async () => {
      const dir = join(this.url, 'tmp');
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, '.gitignore'), '*\n');
      await removeStaleTempFiles(dir);
      return dir;
    })();
    return this.#tempReady;
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.#path(key));
      return true;
    } catch {
      return false;
    }
  }

  download(key: string, dest: string, onChunk?: ChunkListener): Promise<boolean> {
    return this.downloadTo(key, [dest], onChunk);
  }

  async downloadTo(
    key: string,
    dests: readonly string[],
    onChunk?: ChunkListener,
  ): Promise<boolean> {
    return (await copyThrough(this.#path(key), dests, onChunk)) !== undefined;
  }

  async upload(key: string, src: string, onChunk?: ChunkListener): Promise<void> {
    const tempDir = await this.#tempDir();
    await copyFileAtomic(src, this.#path(key), { tempDir, ...(onChunk ? { onChunk } : {}) });
  }
}
