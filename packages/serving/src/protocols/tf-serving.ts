import type { FeatureRecord } from '@repo/features';
import { RequestBodyError } from '../errors';
import { isObject, readJson } from '../http-io';
import type { LoadedModel } from '../loaded-model';
import type { Exchange, RouteFamily } from '../router';
import type { FeatureRule } from '../validate-records';
import { recordsFromColumns, recordsFromRows } from './shared';

const MODEL = '/v1/models/([^/:]+)(?:/versions/([^/:]+))?';
const SIGNATURE = 'serving_default';

function tensorInfo(name: string, dtype: 'DT_DOUBLE' | 'DT_STRING') {
  return { dtype, tensor_shape: { dim: [{ size: '-1', name: '' }], unknown_rank: false }, name };
}

function dtype(feature: FeatureRule): 'DT_DOUBLE' | 'DT_STRING' {
  return feature.kind === 'numeric' ? 'DT_DOUBLE' : 'DT_STRING';
}

/** `GetModelMetadataResponse` as JSON: the `serving_default` signature, one input per feature. */
export function signatureMetadata(model: LoadedModel) {
  const inputs = Object.fromEntries(
    model.features.map((feature) => [feature.name, tensorInfo(feature.name, dtype(feature))]),
  );
  return {
    model_spec: { name: model.model, signature_name: '', version: model.version },
    metadata: {
      signature_def: {
        signature_def: {
          [SIGNATURE]: {
            inputs,
            outputs: { [model.target]: tensorInfo(model.target, 'DT_DOUBLE') },
            method_name: 'tensorflow/serving/predict',
          },
        },
      },
    },
  };
}

/** A predict request → its records and whether it was in row (`instances`) or columnar form. */
export function readPredictRequest(
  body: unknown,
  features: readonly FeatureRule[],
): { records: unknown[]; columnar: boolean } {
  if (!isObject(body)) {
    throw new RequestBodyError(
      'the request body must be a JSON object with "instances" or "inputs"',
    );
  }
  const signature = body.signature_name;
  if (signature !== undefined && signature !== '' && signature !== SIGNATURE) {
    throw new RequestBodyError(
      `serving signature "${String(signature)}" not found: use "${SIGNATURE}"`,
    );
  }
  const rows = body.instances !== undefined;
  const columns = body.inputs !== undefined;
  if (rows === columns) {
    throw new RequestBodyError(
      rows
        ? 'a request can have "instances" or "inputs", not both'
        : 'missing "instances" (row format) or "inputs" (columnar format)',
    );
  }
  return rows
    ? { records: recordsFromRows(body.instances, features, '"instances"'), columnar: false }
    : { records: recordsFromColumns(body.inputs, features, '"inputs"'), columnar: true };
}

/**
 * TensorFlow Serving's REST API: model status, model metadata and `:predict` in row or
 * columnar format. Errors are `{ "error": "<message>" }` (400 for any bad input, as TF Serving's
 * INVALID_ARGUMENT; 404 for a model or version not served).
 */
export function tfServingRoutes(): RouteFamily {
  const served = (exchange: Exchange) =>
    exchange.model(exchange.params[0] ?? '', exchange.params[1]);
  return {
    name: 'tf-serving',
    owns: (path) => path.startsWith('/v1/'),
    fail: ({ status, message }) => ({
      status: status === 422 ? 400 : status,
      body: { error: message },
    }),
    routes: [
      {
        method: 'GET',
        pattern: new RegExp(`^${MODEL}$`),
        template: '/v1/models/{name}',
        handle: (exchange) => {
          const model = served(exchange);
          const status = { error_code: 'OK', error_message: '' };
          return {
            status: 200,
            body: {
              model_version_status: [{ version: model.version, state: 'AVAILABLE', status }],
            },
          };
        },
      },
      {
        method: 'GET',
        pattern: new RegExp(`^${MODEL}/metadata$`),
        template: '/v1/models/{name}/metadata',
        handle: (exchange) => ({ status: 200, body: signatureMetadata(served(exchange)) }),
      },
      {
        method: 'POST',
        pattern: new RegExp(`^${MODEL}:predict$`),
        template: '/v1/models/{name}:predict',
        handle: async (exchange) => {
          const model = served(exchange);
          const { records, columnar } = readPredictRequest(
            await readJson(exchange.request, exchange.limits),
            model.features,
          );
          const { predictions, warnings } = await exchange.predict(
            model,
            records as FeatureRecord[],
          );
          const body = columnar ? { outputs: predictions } : { predictions };
          return { status: 200, body: warnings === undefined ? body : { ...body, warnings } };
        },
      },
    ],
  };
}
