import { accessSync, constants, createWriteStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { AccessLogError } from './errors';
import type { Exchange } from './exchange';

/** One line of the access log. */
export interface AccessLogEntry {
  /** When the answer was written (ISO 8601). */
  readonly time: string;
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  /** The route's template (`/v2/models/{name}/infer`), `unmatched` for an unknown path. */
  readonly route: string;
  /** 0 when the connection was destroyed instead of answered. */
  readonly status: number;
  /** The model and version that answered, when one did. */
  readonly model?: string;
  readonly version?: string;
  readonly durationMs: number;
  /** The size of the answer's body, in bytes. */
  readonly bytes: number;
  readonly remote: string;
}

/**
 * Structured access logs: one JSON line per request answered (`AccessLogEntry`), written to a
 * stream (stderr, or a file opened for appending by `openAccessLog`).
 */
export class AccessLog {
  constructor(
    private readonly stream: Writable,
    private readonly owned = false,
  ) {}

  write(exchange: Exchange, status: number, durationMs: number): void {
    const { request, served } = exchange;
    const entry: AccessLogEntry = {
      time: new Date().toISOString(),
      requestId: exchange.requestId,
      method: request.method ?? '',
      path: exchange.path,
      route: exchange.route,
      status,
      ...(served === undefined ? {} : { model: served.model, version: served.version }),
      durationMs: Math.round(durationMs * 1000) / 1000,
      bytes: exchange.bytesSent,
      remote: request.socket.remoteAddress ?? '',
    };
    this.stream.write(`${JSON.stringify(entry)}\n`);
  }

  /** Ends a file the log opened (stderr is left open). */
  close(): Promise<void> {
    if (!this.owned) return Promise.resolve();
    return new Promise((resolve) => this.stream.end(() => resolve()));
  }
}

/** An access log to `target`: `-` for stderr, otherwise a file (appended to). */
export function openAccessLog(target: string, log?: (line: string) => void): AccessLog {
  if (target === '-') return new AccessLog(process.stderr);
  try {
    accessSync(dirname(resolve(target)), constants.W_OK);
  } catch (cause) {
    throw new AccessLogError(
      `cannot write the access log ${target}: its folder does not exist or is not writable`,
      target,
      { cause },
    );
  }
  const stream = createWriteStream(target, { flags: 'a' });
  let reported = false;
  stream.on('error', (cause) => {
    if (reported) return;
    reported = true;
    const error = new AccessLogError(`access log ${target}: ${cause.message}`, target, { cause });
    log?.(error.message);
  });
  return new AccessLog(stream, true);
}
