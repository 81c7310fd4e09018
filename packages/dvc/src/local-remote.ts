import { createWriteStream } from 'node:fs';
import { access, open } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { copyFileAtomic } from './atomic-write';
import type { ChunkListener, Remote } from './remote';
import { tapStream } from './tap-stream';

/** A remote that is a folder on this machine (DVC's layout: `<root>/files/md5/xx/yyyy…`). */
export class LocalRemote implements Remote {
  readonly readOnly = false;
  constructor(readonly url: string) {}

  #path(key: string): string {
    return join(this.url, ...key.split('/'));
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
    await copyFileAtomic(src, this.#path(key), onChunk ? { onChunk } : {});
  }
}
