import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LoadedModel, OnInvalid } from './loaded-model';
import { openApiDocument } from './openapi';
import { mlflowRoutes } from './protocols/mlflow';
import { nativeRoutes } from './protocols/native';
import { openInferenceRoutes } from './protocols/open-inference';
import { tfServingRoutes } from './protocols/tf-serving';
import { createRouter } from './router';

/** The largest request body accepted by default: 1 MiB (about 4,000 house-prices records). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** How long a request body may take to arrive, by default: 30 s. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface ServerOptions {
  readonly model: LoadedModel;
  /** Default `127.0.0.1`. */
  readonly host?: string | undefined;
  /** Default 0: a free port chosen by the system. */
  readonly port?: number | undefined;
  /** Bodies above this many bytes get 413. Default `DEFAULT_MAX_BODY_BYTES`. */
  readonly maxBodyBytes?: number | undefined;
  /** A body not received in full within this many ms gets 408. Default `DEFAULT_REQUEST_TIMEOUT_MS`. */
  readonly requestTimeoutMs?: number | undefined;
  /**
   * Records with a value outside a feature's declared `min`/`max` or an unseen category:
   * `warn` (default) predicts them and reports per-record `warnings`; `reject` answers 422
   * (400 on TF Serving and MLflow routes) naming the record and field.
   */
  readonly onInvalid?: OnInvalid | undefined;
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

/**
 * Serves `model` over HTTP on `node:http`, on one port, in four protocols (see the package
 * README for every route): this server's own `GET /health` and `POST /predict`; the Open
 * Inference Protocol v2 under `/v2`; TensorFlow Serving's REST API under `/v1`; MLflow's
 * scoring server (`POST /invocations`, `GET /ping`); and `GET /openapi.json`, the OpenAPI 3.1
 * description of them all. Errors take each protocol's shape; 404 for an unknown path or a
 * model or version not served, 405 for another method, 413 above `maxBodyBytes`, 415 for a
 * content type the route does not read, 408 past `requestTimeoutMs`.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { model } = options;
  const host = options.host ?? '127.0.0.1';
  const limits = {
    maxBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    timeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  };
  const context = { model, onInvalid: options.onInvalid ?? 'warn' };
  const families = [
    openInferenceRoutes(context),
    tfServingRoutes(context),
    mlflowRoutes(context),
    nativeRoutes(context, openApiDocument(model)),
  ];
  // Node's own limit is a backstop behind the body timeout (it answers a bare 408).
  const requestTimeout = limits.timeoutMs + 5_000;
  const server = createServer(
    { requestTimeout, headersTimeout: Math.min(60_000, requestTimeout) },
    createRouter(families, limits, options.log ?? (() => {})),
  );

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
