/** The target transform of a regression model (the same shape as `@repo/features`' `TargetState`). */
export type OnnxTarget =
  | { readonly name: string; readonly transform: 'none' }
  | {
      readonly name: string;
      readonly transform: 'log' | 'standardize';
      readonly mean: number;
      readonly std: number;
    };

export type OnnxTask = 'regression' | 'classification';

/** What the file says about itself, besides the network. */
export interface OnnxNames {
  /** The model's name (`house-prices`). */
  readonly model: string;
  /** The release version (`1.2.0`), when known. */
  readonly version?: string;
  /** The network's input columns in order, as the preprocessor names them (`sqft`, `city=Ballard`). */
  readonly featureNames: readonly string[];
  /** The target column and its transform. */
  readonly target: OnnxTarget;
}

/** The file name of a version's network in ONNX, next to its TF.js files. */
export const ONNX_FILE = 'model.onnx';

/** The graph's one input and one output. */
export const ONNX_INPUT = 'features';
export const ONNX_OUTPUT = 'output';

/** Keys of the `metadata_props` the exporter writes, in the order it writes them. */
export const METADATA_KEYS = {
  model: 'mlops.model',
  version: 'mlops.version',
  task: 'mlops.task',
  inputs: 'mlops.inputs',
  preprocessing: 'mlops.preprocessing',
  target: 'mlops.target',
  targetTransform: 'mlops.target_transform',
  targetTransformApplied: 'mlops.target_transform_applied',
  output: 'mlops.output',
} as const;

/**
 * What a user computes from the output `o` of the graph: for a regression, the inverse of the
 * target transform (`none` y = o, `standardize` y = o·std + mean, `log` y = exp(o·std + mean));
 * for a classification, `o` is already the positive-class probability.
 */
export function outputFormula(task: OnnxTask, target: OnnxTarget): string {
  if (task === 'classification') {
    return `output is the probability of the positive class of ${target.name}; no transform to apply`;
  }
  switch (target.transform) {
    case 'none':
      return `${target.name} = output`;
    case 'standardize':
      return `${target.name} = output * ${target.std} + ${target.mean}`;
    case 'log':
      return `${target.name} = exp(output * ${target.std} + ${target.mean})`;
  }
}

/** The `metadata_props` entries of a file: inputs, task, and what to do with the output. */
export function onnxMetadata(task: OnnxTask, names: OnnxNames): { key: string; value: string }[] {
  const transform = task === 'classification' ? { transform: 'none' } : transformOf(names.target);
  const entries: [string, string | undefined][] = [
    [METADATA_KEYS.model, names.model],
    [METADATA_KEYS.version, names.version],
    [METADATA_KEYS.task, task],
    [METADATA_KEYS.inputs, JSON.stringify(names.featureNames)],
    [
      METADATA_KEYS.preprocessing,
      `input "${ONNX_INPUT}" holds the preprocessed features (preprocessor.json of the release: imputed, standardized, one-hot), columns in the order of ${METADATA_KEYS.inputs}`,
    ],
    [METADATA_KEYS.target, names.target.name],
    [METADATA_KEYS.targetTransform, JSON.stringify(transform)],
    [METADATA_KEYS.targetTransformApplied, 'outside'],
    [METADATA_KEYS.output, outputFormula(task, names.target)],
  ];
  return entries.flatMap(([key, value]) => (value === undefined ? [] : [{ key, value }]));
}

function transformOf(target: OnnxTarget): Record<string, unknown> {
  return target.transform === 'none'
    ? { transform: 'none' }
    : { transform: target.transform, mean: target.mean, std: target.std };
}
