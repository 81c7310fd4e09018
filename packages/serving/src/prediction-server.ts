import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { AccessLog } from './access-log';
import type { ServingHub } from './exchange';
import type { LoadedModel, OnInvalid } from './loaded-model';
import { ServingMetrics } from './metrics';
import { ModelSlot } from './model-slot';
import { openApiDocument } from './openapi';
import type { PredictionLog } from './prediction-log';
import { mlflowRoutes } from './protocols/mlflow';
import { nativeRoutes } from './protocols/native';
import { openInferenceRoutes } from './protocols/open-inference';
import { tfServingRoutes } from './protocols/tf-serving';
import { createRouter, type RouterHooks } from './router';
import { ServedModels } from './served-models';

/** The largest request body accepted by default: 1 MiB (about 4,000 house-prices records). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** How long a request body may take to arrive, by default: 30 s. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface ServerOptions {
  /** The one model to serve, fixed (or give `slots`). */
  readonly model?: LoadedModel | undefined;
  /** The models to serve, each in a slot whose version can be swapped while serving; the first is the default. */
  readonly slots?: readonly ModelSlot[] | undefined;
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
  /** The metrics of `GET /metrics`; a new `ServingMetrics` when absent. */
  readonly metrics?: ServingMetrics | undefined;
  /** Where sampled predictions are logged; none when absent. */
  readonly predictionLog?: PredictionLog | undefined;
  /** Receives one entry per request answered; none when absent. */
  readonly accessLog?: AccessLog | undefined;
}

export interface RunningServer {
  /** `http://<host>:<port>`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly models: ServedModels;
  readonly metrics: ServingMetrics;
  /**
   * Stops accepting connections and resolves once in-flight requests are answered (idle
   * keep-alive connections are closed): `true`. After `graceMs` (default: no bound) the
   * connections still open are closed, their requests unanswered: `false`.
   */
  close(graceMs?: number): Promise<boolean>;
}

/** The OpenAPI description of each version, built once per version. */
function openApiOf(): (model: LoadedModel) => unknown {
  const documents = new WeakMap<LoadedModel, unknown>();
  return (model) => {
    let document = documents.get(model);
    if (document === undefined) {
      document = openApiDocument(model);
      documents.set(model, document);
    }
    return document;
  };
}

function servedModels(options: ServerOptions): ServedModels {
  if (options.slots !== undefined) return new ServedModels(options.slots);
  if (options.model === undefined) throw new Error('startServer needs a model or slots');
  return new ServedModels([new ModelSlot(options.model)]);
}

function servingHub(options: ServerOptions, models: ServedModels, metrics: ServingMetrics) {
  const { predictionLog } = options;
  const hub: ServingHub = {
    models,
    onInvalid: options.onInvalid ?? 'warn',
    predicted: (exchange, model, records, predictions) => {
      metrics.predicted(model, predictions);
      predictionLog?.record(exchange, model, records, predictions);
    },
  };
  return hub;
}

/** Whether the server is closing, and the server to close idle connections of. */
interface ClosingState {
  closing: boolean;
  server?: Server;
}

function routerHooks(
  hub: ServingHub,
  metrics: ServingMetrics,
  accessLog: AccessLog | undefined,
  state: ClosingState,
): RouterHooks {
  return {
    hub,
    started: () => metrics.requestStarted(),
    finished: (exchange, status, startedAt) => {
      const ms = performance.now() - startedAt;
      metrics.requestFinished(exchange.route, exchange.served, status, ms / 1000);
      accessLog?.write(exchange, status, ms);
      // Closing: a keep-alive connection whose request is answered is closed.
      if (state.closing) setImmediate(() => state.server?.closeIdleConnections());
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Stops accepting, waits for the requests in flight; after `graceMs` closes what is left (`false`). */
function closeServer(server: Server, state: ClosingState, graceMs: number): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    state.closing = true;
    let drained = true;
    const bound = Number.isFinite(graceMs)
      ? setTimeout(() => {
          drained = false;
          server.closeAllConnections();
        }, graceMs)
      : undefined;
    server.close((closeError) => {
      clearTimeout(bound);
      if (closeError) reject(closeError);
      else resolve(drained);
    });
    server.closeIdleConnections();
  });
}

/**
 * Serves `model` (or the models of `slots`) over HTTP on `node:http`, on one port, in four
 * protocols (see the package README for every route): this server's own `GET /health`,
 * `POST /predict` and `GET /metrics`; the Open Inference Protocol v2 under `/v2`; TensorFlow
 * Serving's REST API under `/v1`; MLflow's scoring server (`POST /invocations`, `GET /ping`);
 * and `GET /openapi.json`, the OpenAPI 3.1 description of them all. Errors take each protocol's
 * shape; 404 for an unknown path or a model or version not served, 405 for another method, 413
 * above `maxBodyBytes`, 415 for a content type the route does not read, 408 past
 * `requestTimeoutMs`.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const models = servedModels(options);
  const metrics = options.metrics ?? new ServingMetrics();
  for (const slot of models.slots) metrics.modelServed(slot.model);
  const host = options.host ?? '127.0.0.1';
  const limits = {
    maxBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    timeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  };
  const families = [
    openInferenceRoutes(),
    tfServingRoutes(),
    mlflowRoutes(),
    nativeRoutes(openApiOf(), metrics),
  ];
  const state: ClosingState = { closing: false };
  const hooks = routerHooks(
    servingHub(options, models, metrics),
    metrics,
    options.accessLog,
    state,
  );
  // Node's own limit is a backstop behind the body timeout (it answers a bare 408).
  const requestTimeout = limits.timeoutMs + 5_000;
  const server = createServer(
    { requestTimeout, headersTimeout: Math.min(60_000, requestTimeout) },
    createRouter(families, limits, options.log ?? (() => {}), hooks),
  );
  state.server = server;
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    models,
    metrics,
    close: (graceMs = Number.POSITIVE_INFINITY) => closeServer(server, state, graceMs),
  };
}
