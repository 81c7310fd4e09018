import { createWriteStream } from 'node:fs';
import { access, mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { copyFileAtomic, removeStaleTempFiles } from './atomic-write';
import type { ChunkListener, Remote } from './remote';
import { tapStream } from './tap-stream';

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

  async download(key: string, dest: string, onChunk?: ChunkListener): Promise<boolean> {
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(this.#path(key), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    const source = handle.createReadStream({ highWaterMark: 2 ** 20, autoClose: true });
    await pipeline(source, tapStream(onChunk), createWriteStream(dest));
    return true;
  }

  async upload(key: string, src: string, onChunk?: ChunkListener): Promise<void> {
    const tempDir = await this.#tempDir();
    await copyFileAtomic(src, this.#path(key), { tempDir, ...(onChunk ? { onChunk } : {}) });
  }
}
