import type { FeatureRecord } from '@repo/features';
import { RequestBodyError } from '../errors';
import type { Failure } from '../failure';
import { isObject, readJson } from '../http-io';
import type { LoadedModel } from '../loaded-model';
import type { ModelSlot } from '../model-slot';
import type { Route, RouteFamily } from '../router';
import type { ServedModels } from '../served-models';

/** The JSON of every error of `/health`, `/predict`, `/openapi.json` and unknown paths. */
export interface ErrorBody {
  readonly error: {
    readonly code: Failure['code'];
    readonly message: string;
    readonly record?: number;
    readonly field?: string;
  };
}

/** What one model answers in `GET /health`: the version served and, when followed, `reload`. */
function modelHealth(slot: ModelSlot) {
  const { model, version, tag, backend } = slot.model;
  return {
    model,
    version,
    tag,
    backend,
    ...(slot.reload.following ? { reload: slot.reload } : {}),
  };
}

/**
 * The body of `GET /health` (and of MLflow's `GET /ping`): the default model at the top level
 * (as when one model is served), and every model in `models`.
 */
export function healthBody(models: ServedModels) {
  return { status: 'ok', ...modelHealth(models.default), models: models.slots.map(modelHealth) };
}

function parseRecords(body: unknown): { model: string | undefined; records: unknown[] } {
  if (!isObject(body)) {
    throw new RequestBodyError('the request body must be a JSON object { "records": [...] }');
  }
  if (!Array.isArray(body.records)) {
    throw new RequestBodyError('field "records" must be a list of records');
  }
  if (body.model !== undefined && typeof body.model !== 'string') {
    throw new RequestBodyError('field "model" must be the name of a served model');
  }
  return { model: body.model, records: body.records };
}

/** The text of `GET /metrics` (Prometheus exposition format) and its content type. */
export interface MetricsText {
  readonly contentType: string;
  text(): Promise<string>;
}

/**
 * This server's own routes, and the answer to any path no protocol owns:
 * - `GET /health` → `{ status: 'ok', model, version, tag, backend, reload?, models }`;
 * - `POST /predict` with `{ "model"?: name, "records": [ {feature: value, …}, … ] }` →
 *   `{ model, version, predictions, warnings? }` (the default model when `model` is absent);
 * - `GET /openapi.json` → the OpenAPI description of every route, for the default model;
 * - `GET /metrics` → the Prometheus metrics (text format), when `metrics` is given.
 * Errors are `{ error: { code, message, record?, field? } }`.
 */
export function nativeRoutes(
  openapi: (model: LoadedModel) => unknown,
  metrics?: MetricsText,
): RouteFamily {
  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/health$/,
      template: '/health',
      handle: (exchange) => ({ status: 200, body: healthBody(exchange.models) }),
    },
    {
      method: 'POST',
      pattern: /^\/predict$/,
      template: '/predict',
      handle: async (exchange) => {
        const { model: name, records } = parseRecords(
          await readJson(exchange.request, exchange.limits),
        );
        const model = exchange.model(name);
        const result = await exchange.predict(model, records as FeatureRecord[]);
        return { status: 200, body: { model: model.model, version: model.version, ...result } };
      },
    },
    {
      method: 'GET',
      pattern: /^\/openapi\.json$/,
      template: '/openapi.json',
      handle: (exchange) => ({ status: 200, body: openapi(exchange.models.default.model) }),
    },
  ];
  if (metrics !== undefined) {
    routes.push({
      method: 'GET',
      pattern: /^\/metrics$/,
      template: '/metrics',
      handle: async () => ({
        status: 200,
        body: await metrics.text(),
        contentType: metrics.contentType,
      }),
    });
  }
  return {
    name: 'native',
    owns: () => true,
    fail: (failure): { status: number; body: ErrorBody } => {
      const { status, ...error } = failure;
      return { status, body: { error } };
    },
    routes,
  };
}
