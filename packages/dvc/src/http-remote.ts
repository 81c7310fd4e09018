import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DvcRemoteError } from './errors';
import type { ChunkListener, Remote } from './remote';
import { tapStream } from './tap-stream';

/**
 * A read-only remote served over HTTP(S) with DVC's layout under the base URL:
 * objects are fetched with GET, `exists` uses HEAD, and uploads throw DvcRemoteError.
 */
export class HttpRemote implements Remote {
  readonly readOnly = true;
  readonly #base: string;
  constructor(readonly url: string) {
    this.#base = url.replace(/\/+$/, '');
  }

  #objectUrl(key: string): string {
    return `${this.#base}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  async #request(key: string, method: 'GET' | 'HEAD'): Promise<Response | undefined> {
    const target = this.#objectUrl(key);
    let response: Response;
    try {
      response = await fetch(target, { method, redirect: 'follow' });
    } catch (cause) {
      throw new DvcRemoteError(
        this.url,
        `${method} ${target} failed: ${(cause as Error).message}`,
        {
          cause,
        },
      );
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new DvcRemoteError(
        this.url,
        `${method} ${target} answered ${response.status} ${response.statusText}`,
      );
    }
    return response;
  }

  async exists(key: string): Promise<boolean> {
    return (await this.#request(key, 'HEAD')) !== undefined;
  }

  async download(key: string, dest: string, onChunk?: ChunkListener): Promise<boolean> {
    const response = await this.#request(key, 'GET');
    if (response === undefined) return false;
    if (response.body === null) {
      throw new DvcRemoteError(this.url, `GET ${this.#objectUrl(key)} returned no body`);
    }
    try {
      await pipeline(
        Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
        tapStream(onChunk),
        createWriteStream(dest),
      );
    } catch (cause) {
      throw new DvcRemoteError(this.url, `reading ${this.#objectUrl(key)} failed`, { cause });
    }
    return true;
  }

  async upload(key: string, _src: string): Promise<void> {
    throw new DvcRemoteError(
      this.url,
      `cannot upload ${key}: HTTP remotes are read-only (push to a local-path remote instead)`,
    );
  }
}
