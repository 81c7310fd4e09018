import type { FeatureRecord } from '@repo/features';
import { RequestBodyError } from '../errors';
import { isObject, JSON_TYPE, mediaType, parseJson } from '../http-io';
import { readBody } from '../read-body';
import type { RouteFamily } from '../router';
import type { FeatureRule } from '../validate-records';
import { recordsFromCsv } from './mlflow-csv';
import { healthBody } from './native';
import { recordsFromColumns, recordsFromRows } from './shared';

const CSV_TYPE = 'text/csv';
const FORMATS = ['dataframe_split', 'dataframe_records', 'instances', 'inputs'] as const;

/** MLflow's error codes (`databricks_pb2`) for the statuses this server answers. */
function errorCode(status: number): string {
  if (status === 413) return 'REQUEST_LIMIT_EXCEEDED';
  if (status === 404) return 'ENDPOINT_NOT_FOUND';
  return status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST';
}

/** `{ "columns": [...], "data": [[...], ...], "index"?: [...] }` (pandas' split orient) → rows. */
function splitRows(split: unknown): Record<string, unknown>[] {
  if (!isObject(split) || !Array.isArray(split.columns) || !Array.isArray(split.data)) {
    throw new RequestBodyError(
      '"dataframe_split" must be { "columns": [...], "data": [[...], ...] }',
    );
  }
  const columns = split.columns as unknown[];
  return split.data.map((row: unknown, index) => {
    if (!Array.isArray(row) || row.length !== columns.length) {
      throw new RequestBodyError(
        `"dataframe_split": data[${index}] must be a list of ${columns.length} values (one per column)`,
      );
    }
    return Object.fromEntries(columns.map((column, c) => [String(column), row[c]]));
  });
}

/** A JSON `/invocations` body → records: exactly one of the four MLflow input formats. */
export function readInvocation(body: unknown, features: readonly FeatureRule[]): unknown[] {
  const present = isObject(body) ? FORMATS.filter((format) => body[format] !== undefined) : [];
  if (!isObject(body) || present.length !== 1) {
    const found = isObject(body) ? `fields ${JSON.stringify(Object.keys(body))}` : 'no object';
    throw new RequestBodyError(
      `the input must be a JSON object with exactly one of the fields ${FORMATS.join(', ')}; received ${found}`,
    );
  }
  const format = present[0] as (typeof FORMATS)[number];
  const value = body[format];
  if (format === 'dataframe_split') return recordsFromRows(splitRows(value), features, format);
  if (format === 'inputs' && !Array.isArray(value)) {
    return recordsFromColumns(value, features, `"${format}"`);
  }
  return recordsFromRows(value, features, `"${format}"`);
}

/**
 * MLflow's scoring server: `POST /invocations` (JSON in any of its four formats, or CSV) →
 * `{ "predictions": [...] }` of the default model (MLflow serves one model per server), and
 * `GET /ping` (`GET /health` is this server's own, also 200).
 * Errors are `{ "error_code": "BAD_REQUEST", "message": "..." }`.
 */
export function mlflowRoutes(): RouteFamily {
  return {
    name: 'mlflow',
    owns: (path) => path === '/invocations' || path === '/ping',
    fail: ({ status, message }) => {
      const answered = status === 422 ? 400 : status;
      return { status: answered, body: { error_code: errorCode(answered), message } };
    },
    routes: [
      {
        method: 'GET',
        pattern: /^\/ping$/,
        template: '/ping',
        handle: (exchange) => ({ status: 200, body: healthBody(exchange.models) }),
      },
      {
        method: 'POST',
        pattern: /^\/invocations$/,
        template: '/invocations',
        handle: async (exchange) => {
          const { request, limits } = exchange;
          const model = exchange.model();
          const type = mediaType(request, [JSON_TYPE, CSV_TYPE]);
          const bytes = await readBody(request, limits.maxBytes, limits.timeoutMs);
          const records =
            type === CSV_TYPE
              ? recordsFromCsv(bytes, model.features)
              : readInvocation(parseJson(bytes), model.features);
          const { predictions, warnings } = await exchange.predict(
            model,
            records as FeatureRecord[],
          );
          return {
            status: 200,
            body: warnings === undefined ? { predictions } : { predictions, warnings },
          };
        },
      },
    ],
  };
}
