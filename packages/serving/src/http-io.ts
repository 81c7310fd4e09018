import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestBodyError, UnsupportedMediaTypeError } from './errors';
import { readBody } from './read-body';

/** An answer to a request: a status, a JSON body and extra headers. */
export interface Reply {
  readonly status: number;
  /** Sent as JSON, or as it is when it is a string and `contentType` is given. */
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** The content type of a body that is not JSON (e.g. the Prometheus text format). */
  readonly contentType?: string;
}

/** How much of a request body the server reads, and for how long. */
export interface BodyLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

export const JSON_TYPE = 'application/json';

/**
 * The media type of a request (lower case, without parameters). A request without one is taken
 * for JSON. A charset other than UTF-8, or a type not in `accepted`, is refused with
 * `UnsupportedMediaTypeError`.
 */
export function mediaType(request: IncomingMessage, accepted: readonly string[]): string {
  const header = request.headers['content-type'] ?? '';
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  const mime = type === '' ? JSON_TYPE : type;
  const charset = parameters.find((p) => p.startsWith('charset='))?.slice('charset='.length);
  const utf8 = charset === undefined || ['utf-8', 'utf8', '"utf-8"'].includes(charset);
  if (!accepted.includes(mime) || !utf8) {
    throw new UnsupportedMediaTypeError(
      `content type "${header}" is not accepted here: send ${accepted.join(' or ')} (UTF-8)`,
      header,
    );
  }
  return mime;
}

/** Parses a UTF-8 JSON body; `RequestBodyError` when it is not JSON. */
export function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (cause) {
    throw new RequestBodyError(`the request body is not valid JSON: ${(cause as Error).message}`, {
      cause,
    });
  }
}

/** Checks the content type (JSON), reads the body within `limits` and parses it. */
export async function readJson(request: IncomingMessage, limits: BodyLimits): Promise<unknown> {
  mediaType(request, [JSON_TYPE]);
  return parseJson(await readBody(request, limits.maxBytes, limits.timeoutMs));
}

/** A JSON object (not null, not a list). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Writes `reply`; returns the size of its body in bytes. */
export function send(response: ServerResponse, reply: Reply): number {
  const raw = reply.contentType !== undefined && typeof reply.body === 'string';
  const text = raw ? (reply.body as string) : JSON.stringify(reply.body);
  const bytes = Buffer.byteLength(text);
  response.writeHead(reply.status, {
    ...reply.headers,
    'content-type': raw ? (reply.contentType as string) : 'application/json; charset=utf-8',
    'content-length': bytes,
  });
  response.end(text);
  return bytes;
}
