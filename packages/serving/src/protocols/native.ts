import type { FeatureRecord } from '@repo/features';
import { RequestBodyError } from '../errors';
import type { Failure } from '../failure';
import { isObject, readJson } from '../http-io';
import type { LoadedModel } from '../loaded-model';
import type { RouteFamily } from '../router';
import type { ServingContext } from './shared';

/** The JSON of every error of `/health`, `/predict`, `/openapi.json` and unknown paths. */
export interface ErrorBody {
  readonly error: {
    readonly code: Failure['code'];
    readonly message: string;
    readonly record?: number;
    readonly field?: string;
  };
}

/** The body of `GET /health` (and of MLflow's `GET /ping`). */
export function healthBody(model: LoadedModel) {
  return {
    status: 'ok',
    model: model.model,
    version: model.version,
    tag: model.tag,
    backend: model.backend,
  };
}

function parseRecords(body: unknown): unknown[] {
  if (!isObject(body)) {
    throw new RequestBodyError('the request body must be a JSON object { "records": [...] }');
  }
  if (!Array.isArray(body.records)) {
    throw new RequestBodyError('field "records" must be a list of records');
  }
  return body.records;
}

/**
 * This server's own routes, and the answer to any path no protocol owns:
 * - `GET /health` → `{ status: 'ok', model, version, tag, backend }`;
 * - `POST /predict` with `{ "records": [ {feature: value, …}, … ] }` →
 *   `{ model, version, predictions, warnings? }`;
 * - `GET /openapi.json` → the OpenAPI description of every route.
 * Errors are `{ error: { code, message, record?, field? } }`.
 */
export function nativeRoutes(context: ServingContext, openapi: unknown): RouteFamily {
  const { model, onInvalid } = context;
  return {
    name: 'native',
    owns: () => true,
    fail: (failure): { status: number; body: ErrorBody } => {
      const { status, ...error } = failure;
      return { status, body: { error } };
    },
    routes: [
      {
        method: 'GET',
        pattern: /^\/health$/,
        handle: () => ({ status: 200, body: healthBody(model) }),
      },
      {
        method: 'POST',
        pattern: /^\/predict$/,
        handle: async ({ request, limits }) => {
          const records = parseRecords(await readJson(request, limits));
          const result = model.predict(records as FeatureRecord[], onInvalid);
          return { status: 200, body: { model: model.model, version: model.version, ...result } };
        },
      },
      {
        method: 'GET',
        pattern: /^\/openapi\.json$/,
        handle: () => ({ status: 200, body: openapi }),
      },
    ],
  };
}
