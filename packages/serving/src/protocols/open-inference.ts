import type { FeatureRecord } from '@repo/features';
import { InvalidRecordError, RequestBodyError } from '../errors';
import { isObject, readJson } from '../http-io';
import type { LoadedModel } from '../loaded-model';
import type { ModelSlot } from '../model-slot';
import type { Exchange, Route, RouteFamily } from '../router';
import type { FeatureRule } from '../validate-records';

/** What `GET /v2` says about this server. */
export const SERVER_METADATA = { name: 'mlops-serving', version: '1.0.0', extensions: [] } as const;

/** The datatypes a numeric feature's tensor may have (JSON numbers all the same). */
const NUMERIC_DATATYPES = new Set([
  'FP16',
  'FP32',
  'FP64',
  'INT8',
  'INT16',
  'INT32',
  'INT64',
  'UINT8',
  'UINT16',
  'UINT32',
  'UINT64',
]);

const MODEL = '/v2/models/([^/]+)(?:/versions/([^/]+))?';

function tensorDatatype(feature: FeatureRule): 'FP64' | 'BYTES' {
  return feature.kind === 'numeric' ? 'FP64' : 'BYTES';
}

/**
 * How a followed model last reloaded, in `parameters` (whose values the protocol limits to
 * strings, numbers and booleans): `reload_state`, `production_version` and, after a refusal,
 * `reload_refused_version` and `reload_error`. Empty when the model is not followed.
 */
export function reloadParameters(slot: ModelSlot): Record<string, string> {
  const { reload } = slot;
  if (!reload.following) return {};
  return {
    reload_state: reload.state ?? 'current',
    ...(reload.production === undefined ? {} : { production_version: reload.production }),
    ...(reload.lastRefusal === undefined
      ? {}
      : {
          reload_refused_version: reload.lastRefusal.version,
          reload_error: `${reload.lastRefusal.error}: ${reload.lastRefusal.message}`,
        }),
  };
}

/**
 * `$metadata_model_response`: one [-1, 1] input tensor per feature, one FP64 output, and (an
 * extension of this server) the reload status of a followed model in `parameters`.
 */
export function modelMetadata(model: LoadedModel, parameters: Record<string, string> = {}) {
  return {
    ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
    name: model.model,
    versions: [model.version],
    platform: 'tensorflowjs',
    inputs: model.features.map((feature) => ({
      name: feature.name,
      datatype: tensorDatatype(feature),
      shape: [-1, 1],
    })),
    outputs: [{ name: model.target, datatype: 'FP64', shape: [-1, 1] }],
  };
}

interface Tensor {
  readonly name: string;
  readonly rows: number;
  readonly values: unknown[];
}

/** Checks one `$request_input` against its feature: datatype, shape [n] or [n, 1], data size. */
function readTensor(input: unknown, index: number, features: readonly FeatureRule[]): Tensor {
  const where = `inputs[${index}]`;
  if (!isObject(input) || typeof input.name !== 'string' || typeof input.datatype !== 'string') {
    throw new RequestBodyError(`${where} must be { name, shape, datatype, data }`);
  }
  const feature = features.find((candidate) => candidate.name === input.name);
  if (feature === undefined) {
    const names = features.map((candidate) => candidate.name).join(', ');
    throw new RequestBodyError(`${where}: "${input.name}" is not an input of the model (${names})`);
  }
  const datatypeOk =
    feature.kind === 'numeric' ? NUMERIC_DATATYPES.has(input.datatype) : input.datatype === 'BYTES';
  if (!datatypeOk) {
    throw new RequestBodyError(
      `${where}: ${feature.kind} feature "${feature.name}" takes datatype ${tensorDatatype(feature)}, not ${input.datatype}`,
    );
  }
  const shape = input.shape;
  const dims = Array.isArray(shape) && shape.every((d) => Number.isInteger(d) && d >= 0);
  if (!dims || !(shape.length === 1 || (shape.length === 2 && shape[1] === 1))) {
    throw new RequestBodyError(
      `${where}: "${feature.name}" must have shape [n] or [n, 1], not ${JSON.stringify(shape)}`,
    );
  }
  if (!Array.isArray(input.data)) {
    throw new RequestBodyError(`${where}: "data" must be a list (flat or nested, row-major)`);
  }
  const values = input.data.flat(2) as unknown[];
  const rows = shape[0] as number;
  if (values.length !== rows) {
    throw new RequestBodyError(
      `${where}: "${feature.name}" has shape ${JSON.stringify(shape)} but ${values.length} values`,
    );
  }
  return { name: feature.name, rows, values };
}

/** `$inference_request` → the `id` to echo and one record per row of the tensors. */
export function readInferRequest(
  body: unknown,
  model: LoadedModel,
): { id: string | undefined; records: unknown[] } {
  if (!isObject(body) || !Array.isArray(body.inputs)) {
    throw new RequestBodyError('the request body must be { "inputs": [ tensor, … ] }');
  }
  if (body.id !== undefined && typeof body.id !== 'string') {
    throw new RequestBodyError('"id" must be a string');
  }
  if (body.parameters !== undefined && !isObject(body.parameters)) {
    throw new RequestBodyError('"parameters" must be an object');
  }
  const outputs = body.outputs ?? [];
  if (!Array.isArray(outputs) || outputs.some((o) => !isObject(o) || o.name !== model.target)) {
    throw new RequestBodyError(`"outputs" may only ask for "${model.target}"`);
  }
  const tensors = new Map<string, Tensor>();
  body.inputs.forEach((input: unknown, index) => {
    const tensor = readTensor(input, index, model.features);
    if (tensors.has(tensor.name)) throw new RequestBodyError(`input "${tensor.name}" is repeated`);
    tensors.set(tensor.name, tensor);
  });
  const rows = new Set([...tensors.values()].map((tensor) => tensor.rows));
  if (rows.size > 1) {
    throw new RequestBodyError(`input tensors disagree on the batch size: ${[...rows].join(', ')}`);
  }
  for (const { name } of model.features) {
    if (!tensors.has(name)) {
      throw new InvalidRecordError(`record 0: feature "${name}" has no input tensor`, 0, name);
    }
  }
  const [count = 0] = rows;
  const records = Array.from({ length: count }, (_, row) => {
    const record: Record<string, unknown> = {};
    for (const tensor of tensors.values()) record[tensor.name] = tensor.values[row];
    return record;
  });
  return { id: body.id, records };
}

function modelRoute(method: Route['method'], suffix: string, handle: Route['handle']): Route {
  return {
    method,
    pattern: new RegExp(`^${MODEL}${suffix}$`),
    template: `/v2/models/{name}${suffix}`,
    handle,
  };
}

/** The version of the model the URL names (404 when it is not the one served). */
const served = (exchange: Exchange) => exchange.model(exchange.params[0] ?? '', exchange.params[1]);

/**
 * The Open Inference Protocol v2 (KServe, Triton, MLServer) over REST: health, server and model
 * metadata, model readiness and inference. Errors are `{ "error": "<message>" }`.
 */
export function openInferenceRoutes(): RouteFamily {
  const get = (pattern: RegExp, template: string, body: unknown): Route => ({
    method: 'GET',
    pattern,
    template,
    handle: () => ok(body),
  });
  return {
    name: 'open-inference',
    owns: (path) => path === '/v2' || path.startsWith('/v2/'),
    fail: ({ status, message }) => ({ status, body: { error: message } }),
    routes: [
      get(/^\/v2\/health\/live$/, '/v2/health/live', { live: true }),
      get(/^\/v2\/health\/ready$/, '/v2/health/ready', { ready: true }),
      get(/^\/v2\/?$/, '/v2', SERVER_METADATA),
      modelRoute('GET', '', (exchange) => {
        const model = served(exchange);
        return ok(modelMetadata(model, reloadParameters(exchange.models.slot(model.model))));
      }),
      modelRoute('GET', '/ready', (exchange) => ok({ name: served(exchange).model, ready: true })),
      modelRoute('POST', '/infer', async (exchange) => {
        const model = served(exchange);
        const body = await readJson(exchange.request, exchange.limits);
        const { id, records } = readInferRequest(body, model);
        const { predictions, warnings } = await exchange.predict(model, records as FeatureRecord[]);
        return ok({
          model_name: model.model,
          model_version: model.version,
          ...(id === undefined ? {} : { id }),
          ...(warnings === undefined ? {} : { parameters: { warnings: JSON.stringify(warnings) } }),
          outputs: [
            {
              name: model.target,
              shape: [predictions.length, 1],
              datatype: 'FP64',
              data: predictions,
            },
          ],
        });
      }),
    ],
  };
}

function ok(body: unknown) {
  return { status: 200, body };
}
