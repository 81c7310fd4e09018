import type { IncomingMessage } from 'node:http';
import { RequestTimeoutError, RequestTooLargeError } from './errors';

/**
 * Reads a request body of at most `limit` bytes within `timeoutMs` milliseconds. A larger body
 * (by its `content-length`, or as it streams in) rejects with `RequestTooLargeError` without
 * buffering more than `limit` bytes; a body still incomplete after `timeoutMs` rejects with
 * `RequestTimeoutError`. The request is not destroyed, so the caller can still answer (Node
 * discards the unread rest of the body once the response is finished).
 */
export function readBody(
  request: IncomingMessage,
  limit: number,
  timeoutMs = Number.POSITIVE_INFINITY,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () =>
      new RequestTooLargeError(`the request body is larger than ${limit} bytes`, limit);
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        cleanup();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const timer = Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          cleanup();
          reject(
            new RequestTimeoutError(
              `the request body did not arrive within ${timeoutMs} ms`,
              timeoutMs,
            ),
          );
        }, timeoutMs)
      : undefined;
    const cleanup = () => {
      clearTimeout(timer);
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}
