import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FeatureRecord } from '@repo/features';
import { InvalidRecordError, RequestBodyError, RequestTooLargeError } from './errors';
import type { LoadedModel } from './loaded-model';
import { readBody } from './read-body';

/** The largest `POST /predict` body accepted by default: 1 MiB (about 4,000 house-prices records). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface ServerOptions {
  readonly model: LoadedModel;
  /** Default `127.0.0.1`. */
  readonly host?: string | undefined;
  /** Default 0: a free port chosen by the system. */
  readonly port?: number | undefined;
  /** Bodies above this many bytes get 413. Default `DEFAULT_MAX_BODY_BYTES`. */
  readonly maxBodyBytes?: number | undefined;
  /** Receives one line per request that failed with a 500 (an unexpected error). */
  readonly log?: ((line: string) => void) | undefined;
}

export interface RunningServer {
  /** `http://<host>:<port>`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and resolves once in-flight requests are answered. */
  close(): Promise<void>;
}

/** The JSON of every error response: `{ error: { code, message, record?, field? } }`. */
export interface ErrorBody {
  readonly error: {
    readonly code:
      | 'invalid-json'
      | 'invalid-record'
      | 'too-large'
      | 'not-found'
      | 'method-not-allowed'
      | 'internal';
    readonly message: string;
    readonly record?: number;
    readonly field?: string;
  };
}

const ROUTES: Readonly<Record<string, string>> = { '/health': 'GET', '/predict': 'POST' };

/**
 * Serves `model` over HTTP on `node:http`:
 * - `GET /health` → `{ status: 'ok', model, version, tag, backend }`;
 * - `POST /predict` with `{ "records": [ {feature: value, …}, … ] }` → `{ model, version, predictions }`;
 *   400 for a body that is not that JSON or a record that lacks a feature or has a wrong type
 *   (the error names the record and field), 413 for a body above `maxBodyBytes`;
 * - 405 for another method on those paths, 404 for any other path.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { model } = options;
  const host = options.host ?? '127.0.0.1';
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const log = options.log ?? (() => {});

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const method = ROUTES[path];
    if (method === undefined) {
      return send(
        response,
        404,
        error('not-found', `no route ${path}: use GET /health or POST /predict`),
      );
    }
    if (request.method !== method) {
      response.setHeader('allow', method);
      return send(
        response,
        405,
        error('method-not-allowed', `${path} takes ${method}, not ${request.method}`),
      );
    }
    if (path === '/health') {
      return send(response, 200, {
        status: 'ok',
        model: model.model,
        version: model.version,
        tag: model.tag,
        backend: model.backend,
      });
    }
    const records = parseRecords(await readBody(request, limit));
    // `predict` validates every record at run time (InvalidRecordError → 400).
    const { predictions } = model.predict(records as FeatureRecord[]);
    return send(response, 200, { model: model.model, version: model.version, predictions });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((caught: unknown) => {
      if (caught instanceof RequestTooLargeError) {
        // The rest of the body is not read: close the connection after answering.
        response.setHeader('connection', 'close');
        send(response, 413, error('too-large', caught.message));
      } else if (caught instanceof InvalidRecordError) {
        send(response, 400, {
          error: {
            code: 'invalid-record',
            message: caught.message,
            ...(caught.record >= 0 ? { record: caught.record } : {}),
            ...(caught.field === '' ? {} : { field: caught.field }),
          },
        });
      } else if (caught instanceof RequestBodyError) {
        send(response, 400, error('invalid-json', caught.message));
      } else {
        const message = caught instanceof Error ? caught.message : String(caught);
        log(`${request.method} ${request.url}: 500 ${message}`);
        send(response, 500, error('internal', 'internal error while predicting'));
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((closeError) => (closeError ? reject(closeError) : resolve()));
        server.closeIdleConnections();
      }),
  };
}

function parseRecords(body: Buffer): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (cause) {
    throw new RequestBodyError(`the request body is not valid JSON: ${(cause as Error).message}`, {
      cause,
    });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new RequestBodyError('the request body must be a JSON object { "records": [...] }');
  }
  if (!('records' in parsed) || !Array.isArray(parsed.records)) {
    throw new RequestBodyError('field "records" must be a list of records');
  }
  return parsed.records;
}

function error(code: ErrorBody['error']['code'], message: string): ErrorBody {
  return { error: { code, message } };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
