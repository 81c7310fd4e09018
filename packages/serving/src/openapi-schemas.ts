import type { LoadedModel } from './loaded-model';
import { healthSchemas } from './openapi-health';
import type { FeatureRule } from './validate-records';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const string: Schema = { type: 'string' };
const integer: Schema = { type: 'integer' };
const stringList: Schema = { type: 'array', items: string };

function closed(properties: Record<string, Schema>, required: readonly string[]): Schema {
  return { type: 'object', properties, required, additionalProperties: false };
}

function featureSchema(feature: FeatureRule): Schema {
  if (feature.kind === 'categorical') {
    const levels = [...(feature.levels ?? [])].join(', ');
    return {
      type: ['string', 'null'],
      description: `Categorical; trained on: ${levels}. Other values are unseen categories.`,
    };
  }
  const range = `[${feature.min ?? '-∞'}, ${feature.max ?? '∞'}]`;
  return { type: ['number', 'null'], description: `Numeric; declared range ${range}.` };
}

/** A record of the model: every feature, `null` for a missing value; other keys are ignored. */
function recordSchema(model: LoadedModel): Schema {
  return {
    type: 'object',
    properties: Object.fromEntries(model.features.map((f) => [f.name, featureSchema(f)])),
    required: model.features.map((f) => f.name),
  };
}

/** Values in a cell of a row or column format: a value, or a one-element list of it. */
const cell: Schema = {
  anyOf: [
    { type: ['number', 'string', 'null'] },
    { type: 'array', maxItems: 1, items: { type: ['number', 'string', 'null'] } },
  ],
};

const native = (model: LoadedModel): Record<string, Schema> => ({
  Record: recordSchema(model),
  Warning: closed(
    {
      field: string,
      kind: { enum: ['out-of-range', 'unseen-category'] },
      message: string,
    },
    ['field', 'kind', 'message'],
  ),
  Warnings: {
    description:
      'One list per record, aligned with the predictions; present only when a record has a warning.',
    type: 'array',
    items: { type: 'array', items: ref('Warning') },
  },
  Predictions: { type: 'array', items: { type: 'number' } },
  PredictRequest: {
    type: 'object',
    properties: {
      model: {
        type: 'string',
        description: 'The model to predict with (default: the first served)',
      },
      records: { type: 'array', items: ref('Record') },
    },
    required: ['records'],
  },
  PredictResponse: closed(
    { model: string, version: string, predictions: ref('Predictions'), warnings: ref('Warnings') },
    ['model', 'version', 'predictions'],
  ),
  Error: closed(
    {
      error: closed({ code: string, message: string, record: integer, field: string }, [
        'code',
        'message',
      ]),
    },
    ['error'],
  ),
  OpenApi: {
    type: 'object',
    properties: {
      openapi: { const: '3.1.0' },
      info: { type: 'object' },
      paths: { type: 'object' },
    },
    required: ['openapi', 'info', 'paths'],
  },
});

const openInferenceMetadata = (): Record<string, Schema> => ({
  OipParameters: {
    type: 'object',
    additionalProperties: { type: ['string', 'number', 'boolean'] },
  },
  OipTensorData: {
    type: 'array',
    items: { anyOf: [ref('OipTensorData'), { type: ['number', 'string', 'boolean', 'null'] }] },
  },
  OipMetadataTensor: closed(
    { name: string, datatype: string, shape: { type: 'array', items: integer } },
    ['name', 'datatype', 'shape'],
  ),
  OipLive: closed({ live: { type: 'boolean' } }, ['live']),
  OipReady: closed({ ready: { type: 'boolean' } }, ['ready']),
  OipModelReady: closed({ name: string, ready: { type: 'boolean' } }, ['name', 'ready']),
  OipServerMetadata: closed({ name: string, version: string, extensions: stringList }, [
    'name',
    'version',
    'extensions',
  ]),
  OipModelMetadata: closed(
    {
      name: string,
      versions: stringList,
      platform: string,
      inputs: { type: 'array', items: ref('OipMetadataTensor') },
      outputs: { type: 'array', items: ref('OipMetadataTensor') },
      parameters: ref('OipParameters'),
    },
    ['name', 'platform', 'inputs', 'outputs'],
  ),
});

const openInferenceInference = (): Record<string, Schema> => ({
  OipRequestInput: {
    type: 'object',
    properties: {
      name: string,
      shape: { type: 'array', items: integer },
      datatype: string,
      parameters: ref('OipParameters'),
      data: ref('OipTensorData'),
    },
    required: ['name', 'shape', 'datatype', 'data'],
  },
  OipInferRequest: {
    type: 'object',
    properties: {
      id: string,
      parameters: ref('OipParameters'),
      inputs: { type: 'array', items: ref('OipRequestInput') },
      outputs: {
        type: 'array',
        items: {
          type: 'object',
          properties: { name: string, parameters: ref('OipParameters') },
          required: ['name'],
        },
      },
    },
    required: ['inputs'],
  },
  OipResponseOutput: closed(
    {
      name: string,
      shape: { type: 'array', items: integer },
      datatype: string,
      parameters: ref('OipParameters'),
      data: ref('OipTensorData'),
    },
    ['name', 'shape', 'datatype', 'data'],
  ),
  OipInferResponse: closed(
    {
      model_name: string,
      model_version: string,
      id: string,
      parameters: ref('OipParameters'),
      outputs: { type: 'array', items: ref('OipResponseOutput') },
    },
    ['model_name', 'outputs'],
  ),
  OipError: closed({ error: string }, ['error']),
});

const tfTensorInfo: Schema = {
  type: 'object',
  properties: { dtype: string, name: string, tensor_shape: { type: 'object' } },
  required: ['dtype', 'tensor_shape'],
};

const tfServingMetadata = (): Record<string, Schema> => ({
  TfModelStatus: closed(
    {
      model_version_status: {
        type: 'array',
        items: closed(
          {
            version: string,
            state: { enum: ['START', 'LOADING', 'AVAILABLE', 'UNLOADING', 'END'] },
            status: closed({ error_code: string, error_message: string }, ['error_code']),
          },
          ['version', 'state', 'status'],
        ),
      },
    },
    ['model_version_status'],
  ),
  TfMetadata: {
    type: 'object',
    properties: {
      model_spec: closed({ name: string, signature_name: string, version: string }, ['name']),
      metadata: {
        type: 'object',
        properties: {
          signature_def: {
            type: 'object',
            properties: {
              signature_def: {
                type: 'object',
                additionalProperties: {
                  type: 'object',
                  properties: {
                    inputs: { type: 'object', additionalProperties: tfTensorInfo },
                    outputs: { type: 'object', additionalProperties: tfTensorInfo },
                    method_name: string,
                  },
                  required: ['inputs', 'outputs', 'method_name'],
                },
              },
            },
          },
        },
        required: ['signature_def'],
      },
    },
    required: ['model_spec', 'metadata'],
  },
});

const tfServingPredict = (model: LoadedModel): Record<string, Schema> => ({
  TfPredictRequest: {
    type: 'object',
    properties: {
      signature_name: string,
      instances: { type: 'array', items: { type: 'object', additionalProperties: cell } },
      inputs: {
        type: 'object',
        properties: Object.fromEntries(
          model.features.map((f) => [f.name, { type: 'array', items: cell }]),
        ),
      },
    },
    oneOf: ['instances', 'inputs'].map((key) => ({ properties: { [key]: true }, required: [key] })),
  },
  TfPredictResponse: {
    oneOf: [
      closed({ predictions: ref('Predictions'), warnings: ref('Warnings') }, ['predictions']),
      closed({ outputs: ref('Predictions'), warnings: ref('Warnings') }, ['outputs']),
    ],
  },
  TfError: closed({ error: string }, ['error']),
});

const mlflow = (): Record<string, Schema> => ({
  MlflowInvocation: {
    type: 'object',
    properties: {
      dataframe_split: {
        type: 'object',
        properties: {
          columns: stringList,
          index: { type: 'array' },
          data: { type: 'array', items: { type: 'array', items: cell } },
        },
        required: ['columns', 'data'],
      },
      dataframe_records: { type: 'array', items: ref('Record') },
      instances: { type: 'array', items: { type: 'object', additionalProperties: cell } },
      inputs: {
        anyOf: [
          { type: 'object', additionalProperties: { type: 'array', items: cell } },
          { type: 'array', items: { type: 'object' } },
        ],
      },
      params: { type: 'object' },
    },
    oneOf: ['dataframe_split', 'dataframe_records', 'instances', 'inputs'].map((key) => ({
      properties: { [key]: true },
      required: [key],
    })),
  },
  MlflowPredictions: closed({ predictions: ref('Predictions'), warnings: ref('Warnings') }, [
    'predictions',
  ]),
  MlflowError: closed({ error_code: string, message: string }, ['error_code', 'message']),
});

/** Every schema the OpenAPI description refers to, for `model`'s features. */
export function componentSchemas(model: LoadedModel): Record<string, Schema> {
  return {
    ...native(model),
    ...healthSchemas(),
    ...openInferenceMetadata(),
    ...openInferenceInference(),
    ...tfServingMetadata(),
    ...tfServingPredict(model),
    ...mlflow(),
  };
}
