import type { LoadedModel } from './loaded-model';
import { componentSchemas } from './openapi-schemas';

type Json = Record<string, unknown>;

const REASONS: Readonly<Record<number, string>> = {
  400: 'The body, a record or a tensor is invalid (the message names the record and field)',
  404: 'The model or version is not served here',
  408: 'The body did not arrive within the request timeout',
  413: 'The body is larger than the limit',
  415: 'The content type is not accepted',
  422: 'A record was rejected (`onInvalid: reject`) or predicted a non-finite value',
  500: 'Unexpected error',
};
const BODY_ERRORS = [400, 408, 413, 415, 500];

function json(schema: string, description: string): Json {
  return {
    description,
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
  };
}

function errors(schema: string, statuses: readonly number[]): Json {
  return Object.fromEntries(statuses.map((s) => [String(s), json(schema, REASONS[s] ?? '')]));
}

const pathParameter = (name: string, description: string): Json => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});
const NAME = pathParameter('name', 'The model name');
const VERSION = pathParameter('version', 'The semantic version of the model (e.g. 1.2.0)');

interface Operation {
  readonly id: string;
  readonly summary: string;
  readonly tag: string;
  readonly ok: string;
  readonly errors?: readonly number[];
  readonly errorSchema?: string;
  readonly request?: Json;
}

function operation(op: Operation, parameters: readonly Json[]): Json {
  return {
    operationId: op.id,
    summary: op.summary,
    tags: [op.tag],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.request === undefined ? {} : { requestBody: { required: true, content: op.request } }),
    responses: {
      '200': json(op.ok, 'OK'),
      ...errors(op.errorSchema ?? 'Error', op.errors ?? []),
    },
  };
}

const jsonRequest = (schema: string): Json => ({
  'application/json': { schema: { $ref: `#/components/schemas/${schema}` } },
});

/** `path` and, with `/versions/{version}` inserted before `suffix`, its versioned twin. */
function modelPaths(
  base: string,
  suffix: string,
  method: 'get' | 'post',
  op: Operation,
): Record<string, Json> {
  return {
    [`${base}${suffix}`]: { [method]: operation(op, [NAME]) },
    [`${base}/versions/{version}${suffix}`]: {
      [method]: operation({ ...op, id: `${op.id}Version` }, [NAME, VERSION]),
    },
  };
}

function nativePaths(): Record<string, Json> {
  const tag = 'native';
  return {
    '/health': { get: operation({ id: 'health', summary: 'Health', tag, ok: 'Health' }, []) },
    '/predict': {
      post: operation(
        {
          id: 'predict',
          summary: 'Predict records',
          tag,
          ok: 'PredictResponse',
          errors: [...BODY_ERRORS, 404, 422],
          request: jsonRequest('PredictRequest'),
        },
        [],
      ),
    },
    '/openapi.json': {
      get: operation({ id: 'openapi', summary: 'This description', tag, ok: 'OpenApi' }, []),
    },
    '/metrics': {
      get: {
        operationId: 'metrics',
        summary: 'Prometheus metrics',
        tags: [tag],
        responses: {
          '200': {
            description: 'The Prometheus text exposition format (version 0.0.4)',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
        },
      },
    },
  };
}

function openInferencePaths(): Record<string, Json> {
  const tag = 'open-inference';
  const base = { tag, errorSchema: 'OipError' };
  const get = (id: string, summary: string, ok: string) => ({
    get: operation({ ...base, id, summary, ok }, []),
  });
  return {
    '/v2/health/live': get('oipLive', 'Server live', 'OipLive'),
    '/v2/health/ready': get('oipReady', 'Server ready', 'OipReady'),
    '/v2': get('oipServerMetadata', 'Server metadata', 'OipServerMetadata'),
    ...modelPaths('/v2/models/{name}', '', 'get', {
      ...base,
      id: 'oipModelMetadata',
      summary: 'Model metadata',
      ok: 'OipModelMetadata',
      errors: [404],
    }),
    ...modelPaths('/v2/models/{name}', '/ready', 'get', {
      ...base,
      id: 'oipModelReady',
      summary: 'Model ready',
      ok: 'OipModelReady',
      errors: [404],
    }),
    ...modelPaths('/v2/models/{name}', '/infer', 'post', {
      ...base,
      id: 'oipInfer',
      summary: 'Inference',
      ok: 'OipInferResponse',
      errors: [...BODY_ERRORS, 404, 422],
      request: jsonRequest('OipInferRequest'),
    }),
  };
}

function tfServingPaths(): Record<string, Json> {
  const base = { tag: 'tf-serving', errorSchema: 'TfError' };
  return {
    ...modelPaths('/v1/models/{name}', '', 'get', {
      ...base,
      id: 'tfModelStatus',
      summary: 'Model status',
      ok: 'TfModelStatus',
      errors: [404],
    }),
    ...modelPaths('/v1/models/{name}', '/metadata', 'get', {
      ...base,
      id: 'tfModelMetadata',
      summary: 'Model metadata',
      ok: 'TfMetadata',
      errors: [404],
    }),
    ...modelPaths('/v1/models/{name}', ':predict', 'post', {
      ...base,
      id: 'tfPredict',
      summary: 'Predict (row or columnar format)',
      ok: 'TfPredictResponse',
      errors: [...BODY_ERRORS, 404],
      request: jsonRequest('TfPredictRequest'),
    }),
  };
}

function mlflowPaths(): Record<string, Json> {
  const base = { tag: 'mlflow', errorSchema: 'MlflowError' };
  return {
    '/ping': { get: operation({ ...base, id: 'mlflowPing', summary: 'Ping', ok: 'Health' }, []) },
    '/invocations': {
      post: operation(
        {
          ...base,
          id: 'mlflowInvocations',
          summary: 'Score a DataFrame (JSON or CSV)',
          ok: 'MlflowPredictions',
          errors: BODY_ERRORS,
          request: {
            ...jsonRequest('MlflowInvocation'),
            'text/csv': {
              schema: { type: 'string', description: 'A header row, then one row per record' },
            },
          },
        },
        [],
      ),
    },
  };
}

/** The OpenAPI 3.1 description of every route of the server, for `model` (built once). */
export function openApiDocument(model: LoadedModel): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: `${model.model} serving`,
      version: model.version,
      description: `Predictions of ${model.tag} (${model.task}, target "${model.target}") in four protocols: this server's own, the Open Inference Protocol v2, TensorFlow Serving's REST API and MLflow's scoring server.`,
    },
    tags: ['native', 'open-inference', 'tf-serving', 'mlflow'].map((name) => ({ name })),
    paths: { ...nativePaths(), ...openInferencePaths(), ...tfServingPaths(), ...mlflowPaths() },
    components: { schemas: componentSchemas(model) },
  };
}
