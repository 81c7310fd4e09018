import { OnnxExportError } from './errors';
import {
  ONNX_INPUT,
  ONNX_OUTPUT,
  type OnnxNames,
  type OnnxTask,
  onnxMetadata,
  outputFormula,
} from './onnx-metadata';
import {
  ONNX_ATTRIBUTE_FLOAT,
  ONNX_FLOAT,
  ONNX_IR_VERSION,
  ONNX_OPSET,
  onnxModelType,
} from './onnx-schema';

/** One dense layer: `y = x·kernel + bias`, kernel row-major `[inputs, units]` as TF.js holds it. */
export interface DenseWeights {
  readonly kernel: Float32Array;
  readonly kernelShape: readonly [number, number];
  readonly bias: Float32Array;
}

export type OnnxActivation = 'relu' | 'tanh' | 'elu';

/** What `buildMlp` of `@repo/train` builds: the hidden layers' activation and the task. */
export interface MlpArchitectureInfo {
  readonly activation: OnnxActivation;
  readonly task: OnnxTask;
}

const ACTIVATION_OPS: Record<OnnxActivation, string> = { relu: 'Relu', tanh: 'Tanh', elu: 'Elu' };

/**
 * The MLP `layers[0] → … → layers[n-1]` (hidden layers with `activation`, a linear output for a
 * regression, a sigmoid one for a classification) as an ONNX `ModelProto` (IR 8, opset 17):
 * input `features` float32 `[N, nFeatures]` (N dynamic), output `output` float32 `[N, 1]`,
 * `Gemm` per layer (kernels as initializers, little-endian `raw_data`), `Relu`/`Tanh`/`Elu`
 * (alpha 1, as TF.js) and `Sigmoid`. The preprocessing and the target transform are not in the
 * graph: `metadata_props` say what they are (see `onnxMetadata`). Throws `OnnxExportError`
 * naming the layer when a shape does not chain, a weight is not finite, or the names do not fit.
 * The same arguments give the same bytes.
 */
export function exportMlpToOnnx(
  layers: readonly DenseWeights[],
  architecture: MlpArchitectureInfo,
  names: OnnxNames,
): Uint8Array {
  checkLayers(layers, architecture, names);
  const nodes: object[] = [];
  const initializers: object[] = [];
  let current = ONNX_INPUT;
  layers.forEach((layer, i) => {
    const prefix = `dense_${i + 1}`;
    const isOutput = i === layers.length - 1;
    const linear =
      isOutput && architecture.task === 'regression' ? ONNX_OUTPUT : `${prefix}/linear`;
    initializers.push(tensor(`${prefix}/kernel`, [...layer.kernelShape], layer.kernel));
    initializers.push(tensor(`${prefix}/bias`, [layer.kernelShape[1]], layer.bias));
    nodes.push({
      name: `${prefix}/Gemm`,
      op_type: 'Gemm',
      input: [current, `${prefix}/kernel`, `${prefix}/bias`],
      output: [linear],
    });
    current = linear;
    if (isOutput && architecture.task === 'regression') return;
    const op = isOutput ? 'Sigmoid' : ACTIVATION_OPS[architecture.activation];
    const activated = isOutput ? ONNX_OUTPUT : `${prefix}/${op.toLowerCase()}`;
    nodes.push({
      name: `${prefix}/${op}`,
      op_type: op,
      input: [current],
      output: [activated],
      attribute: op === 'Elu' ? [{ name: 'alpha', type: ONNX_ATTRIBUTE_FLOAT, f: 1 }] : [],
    });
    current = activated;
  });
  const type = onnxModelType();
  const message = type.fromObject({
    ir_version: ONNX_IR_VERSION,
    opset_import: [{ domain: '', version: ONNX_OPSET }],
    producer_name: '@repo/onnx',
    producer_version: '1',
    doc_string: `${names.model}: the network only (preprocessed features in, ${outputFormula(architecture.task, names.target)})`,
    graph: {
      name: names.model,
      node: nodes,
      initializer: initializers,
      input: [valueInfo(ONNX_INPUT, layers[0]?.kernelShape[0] as number)],
      output: [valueInfo(ONNX_OUTPUT, 1)],
    },
    metadata_props: onnxMetadata(architecture.task, names),
  });
  return type.encode(message).finish();
}

function tensor(name: string, dims: number[], values: Float32Array): object {
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i] as number, true);
  return { name, dims, data_type: ONNX_FLOAT, raw_data: raw };
}

function valueInfo(name: string, width: number): object {
  const dim = [{ dim_param: 'N' }, { dim_value: width }];
  return { name, type: { tensor_type: { elem_type: ONNX_FLOAT, shape: { dim } } } };
}

function checkLayers(
  layers: readonly DenseWeights[],
  architecture: MlpArchitectureInfo,
  names: OnnxNames,
): void {
  const fail = (message: string) => new OnnxExportError(names.model, message);
  if (!(architecture.activation in ACTIVATION_OPS)) {
    throw fail(`activation "${architecture.activation}" is not one of relu, tanh, elu`);
  }
  if (architecture.task !== 'regression' && architecture.task !== 'classification') {
    throw fail(`task "${architecture.task}" is not regression or classification`);
  }
  if (layers.length === 0) throw fail('an MLP needs at least one dense layer, got none');
  let inputs = names.featureNames.length;
  layers.forEach((layer, i) => {
    const at = `dense_${i + 1}`;
    const [rows, units] = layer.kernelShape;
    if (rows !== inputs) {
      throw fail(
        `${at}/kernel has ${rows} input rows, expected ${inputs} (${i === 0 ? 'the number of feature names' : `the units of dense_${i}`})`,
      );
    }
    if (!Number.isInteger(units) || units < 1) {
      throw fail(`${at}/kernel has ${units} units, expected a positive integer`);
    }
    if (layer.kernel.length !== rows * units) {
      throw fail(
        `${at}/kernel holds ${layer.kernel.length} values, its shape [${rows}, ${units}] needs ${rows * units}`,
      );
    }
    if (layer.bias.length !== units) {
      throw fail(
        `${at}/bias holds ${layer.bias.length} values, expected ${units} (the kernel's units)`,
      );
    }
    for (const [what, values] of [
      ['kernel', layer.kernel],
      ['bias', layer.bias],
    ] as const) {
      const bad = values.findIndex((v) => !Number.isFinite(v));
      if (bad >= 0) throw fail(`${at}/${what}[${bad}] is ${values[bad]}, not a finite number`);
    }
    inputs = units;
  });
  if (inputs !== 1) throw fail(`the output layer has ${inputs} units, an MLP of buildMlp has 1`);
}
