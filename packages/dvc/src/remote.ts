import { join } from 'node:path';
import { type DvcConfig, isLocalUrl } from './dvc-config';
import { DvcConfigError } from './errors';
import { HttpRemote } from './http-remote';
import { LocalRemote } from './local-remote';
import { S3Remote } from './s3-remote';

/** Called with every chunk of an object as it is transferred. */
export type ChunkListener = (chunk: Buffer) => void;

/**
 * Object storage for DVC objects. `key` is the `/`-separated location from `objectKey()`
 * (e.g. `files/md5/ab/cdef…`).
 */
export interface Remote {
  /** Local path or URL of the remote's root. */
  readonly url: string;
  /** True when `upload` always throws DvcRemoteError (HTTP). */
  readonly readOnly: boolean;
  exists(key: string): Promise<boolean>;
  /** Stream the object into `dest` (which the caller owns); false when the remote lacks it. */
  download(key: string, dest: string, onChunk?: ChunkListener): Promise<boolean>;
  /**
   * Optional (local remotes): stream the object into every path of `dests` at once, each chunk
   * seen by `onChunk` once, before it is written to all of them; false when the remote lacks it.
   */
  downloadTo?(key: string, dests: readonly string[], onChunk?: ChunkListener): Promise<boolean>;
  /** Store the local file `src` as `key`, atomically where the remote allows it. */
  upload(key: string, src: string, onChunk?: ChunkListener): Promise<void>;
}

/**
 * A remote for a resolved URL: http(s) → HttpRemote, s3 → S3Remote (reading `options`, the
 * remote's section in `file`), a filesystem path → LocalRemote.
 */
export function remoteFromUrl(
  url: string,
  options: Readonly<Record<string, string>> = {},
  file: string = url,
): Remote {
  if (isLocalUrl(url)) return new LocalRemote(url);
  if (/^https?:\/\//i.test(url)) return new HttpRemote(url);
  if (/^s3:\/\//i.test(url)) return new S3Remote(url, options, file);
  throw new DvcConfigError(
    file,
    `${url}: unsupported remote scheme (supported: local paths, http, https, s3)`,
  );
}

/**
 * Open the remote called `name`, or `core.remote` when `name` is omitted.
 * Throws DvcConfigError when neither names a configured remote.
 */
export function openRemote(config: DvcConfig, name?: string): Remote {
  const chosen = name ?? config.defaultRemote;
  const configFile = config.files[0] ?? join(config.dvcDir, 'config');
  if (chosen === undefined) {
    throw new DvcConfigError(configFile, 'no remote given and core.remote is not set');
  }
  const remote = config.remotes[chosen];
  if (remote === undefined) {
    const known = Object.keys(config.remotes);
    throw new DvcConfigError(
      configFile,
      `no remote named "${chosen}" (configured: ${known.length ? known.join(', ') : 'none'})`,
    );
  }
  return remoteFromUrl(remote.url, remote.options, remote.file);
}
