import { buildMlp, initBackend, predict } from '@repo/train';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DenseWeights,
  exportMlpToOnnx,
  type OnnxActivation,
  OnnxExportError,
  OnnxMismatchError,
  OnnxModelError,
  type OnnxTask,
  readOnnxMetadata,
  runOnnx,
  validateOnnx,
} from '../src/index';
import { onnxModelType } from '../src/onnx-schema';

const N_FEATURES = 5;
const NAMES = {
  model: 'toy',
  featureNames: ['a', 'b', 'c', 'city=x', 'city=y'],
  target: { name: 'price', transform: 'log', mean: 12, std: 0.5 },
} as const;

/** The dense layers of a TF.js model built by `buildMlp`, as `exportMlpToOnnx` takes them. */
function denseWeights(model: tf.LayersModel): DenseWeights[] {
  return model.layers.map((layer) => {
    const [kernel, bias] = layer.getWeights() as [tf.Tensor, tf.Tensor];
    return {
      kernel: kernel.dataSync() as Float32Array,
      kernelShape: kernel.shape as [number, number],
      bias: bias.dataSync() as Float32Array,
    };
  });
}

/** Deterministic inputs in [-3, 3], some large, so every activation's range is exercised. */
function sample(rows: number): Float32Array {
  return Float32Array.from({ length: rows * N_FEATURES }, (_, i) => 3 * Math.sin(i * 12.9898 + 1));
}

/** Non-zero biases: `buildMlp` starts them at zero, which would hide a bias bug. */
function setBiases(model: tf.LayersModel): void {
  model.layers.forEach((layer, l) => {
    const [kernel, bias] = layer.getWeights() as [tf.Tensor, tf.Tensor];
    const values = Float32Array.from({ length: bias.size }, (_, i) => 0.3 * Math.cos(i + 7 * l));
    layer.setWeights([kernel, tf.tensor1d(values)]);
  });
}

beforeAll(async () => {
  await initBackend('cpu');
});

describe('exportMlpToOnnx', () => {
  const cases = (['relu', 'tanh', 'elu'] as const).flatMap((activation) =>
    (['regression', 'classification'] as const).map((task) => [activation, task] as const),
  );

  it.each(cases)(
    'writes a %s %s network that ONNX Runtime predicts as TF.js does, to float32 precision',
    async (activation: OnnxActivation, task: OnnxTask) => {
      const model = buildMlp(
        N_FEATURES,
        { type: 'mlp', hiddenLayers: [16, 8], activation },
        task,
        11,
      );
      setBiases(model);
      const layers = denseWeights(model);
      const x = sample(200);
      const expected = predict(model, x, N_FEATURES);
      const bytes = exportMlpToOnnx(layers, { activation, task }, NAMES);
      const result = await validateOnnx(bytes, x, expected, { model: 'toy' });
      expect(result.rows).toBe(200);
      expect(result.maxError).toBeLessThan(1e-5);
      model.dispose();
    },
  );

  it('declares IR 8, opset 17, a dynamic batch dimension and metadata saying what to do with the output', async () => {
    const model = buildMlp(
      N_FEATURES,
      { type: 'mlp', hiddenLayers: [4], activation: 'relu' },
      'regression',
      3,
    );
    const bytes = exportMlpToOnnx(
      denseWeights(model),
      { activation: 'relu', task: 'regression' },
      {
        ...NAMES,
        version: '1.2.0',
      },
    );
    const decoded = onnxModelType().toObject(onnxModelType().decode(bytes), { longs: Number }) as {
      ir_version: number;
      opset_import: { version: number }[];
      graph: {
        input: { type: { tensor_type: { shape: { dim: object[] } } } }[];
        node: { op_type: string }[];
      };
      metadata_props: { key: string; value: string }[];
    };
    expect(decoded.ir_version).toBe(8);
    expect(decoded.opset_import[0]?.version).toBe(17);
    expect(decoded.graph.node.map((n) => n.op_type)).toEqual(['Gemm', 'Relu', 'Gemm']);
    expect(decoded.graph.input[0]?.type.tensor_type.shape.dim).toEqual([
      { dim_param: 'N' },
      { dim_value: N_FEATURES },
    ]);
    const metadata = Object.fromEntries(decoded.metadata_props.map((p) => [p.key, p.value]));
    expect(readOnnxMetadata(bytes)).toEqual(metadata);
    expect(metadata).toMatchObject({
      'mlops.model': 'toy',
      'mlops.version': '1.2.0',
      'mlops.task': 'regression',
      'mlops.inputs': JSON.stringify(NAMES.featureNames),
      'mlops.target': 'price',
      'mlops.target_transform': '{"transform":"log","mean":12,"std":0.5}',
      'mlops.target_transform_applied': 'outside',
      'mlops.output': 'price = exp(output * 0.5 + 12)',
    });
    // The batch dimension is dynamic: one row and 7 rows run on the same file.
    expect(await runOnnx(bytes, sample(1), N_FEATURES, 'toy')).toHaveLength(1);
    expect(await runOnnx(bytes, sample(7), N_FEATURES, 'toy')).toHaveLength(7);
    model.dispose();
  });

  it('refuses to read the metadata of bytes that are not an ONNX model, naming the file', () => {
    expect(() => readOnnxMetadata(new Uint8Array([0xff, 0xff, 0xff]), 'x.onnx')).toThrow(
      OnnxModelError,
    );
    expect(() => readOnnxMetadata(new Uint8Array([0xff, 0xff, 0xff]), 'x.onnx')).toThrow(
      /^x\.onnx: is not an ONNX ModelProto/,
    );
  });

  it('gives the same bytes for the same weights', () => {
    const model = buildMlp(
      N_FEATURES,
      { type: 'mlp', hiddenLayers: [3], activation: 'tanh' },
      'classification',
      5,
    );
    const write = () =>
      exportMlpToOnnx(denseWeights(model), { activation: 'tanh', task: 'classification' }, NAMES);
    expect(Buffer.from(write()).equals(Buffer.from(write()))).toBe(true);
    model.dispose();
  });

  it('refuses a kernel whose shape does not chain, naming the layer and the shapes', () => {
    const model = buildMlp(
      N_FEATURES,
      { type: 'mlp', hiddenLayers: [4, 3], activation: 'relu' },
      'regression',
      1,
    );
    const layers = denseWeights(model);
    const second = layers[1] as DenseWeights;
    const wrong = [
      layers[0] as DenseWeights,
      { ...second, kernelShape: [5, 3] as const },
      layers[2] as DenseWeights,
    ];
    const write = (l: DenseWeights[]) => () =>
      exportMlpToOnnx(l, { activation: 'relu', task: 'regression' }, NAMES);
    expect(write(wrong)).toThrow(OnnxExportError);
    expect(write(wrong)).toThrow(
      'toy: dense_2/kernel has 5 input rows, expected 4 (the units of dense_1)',
    );
    const short = [
      { ...(layers[0] as DenseWeights), kernel: new Float32Array(3) },
      second,
      layers[2] as DenseWeights,
    ];
    expect(write(short)).toThrow('toy: dense_1/kernel holds 3 values, its shape [5, 4] needs 20');
    const bias = [
      layers[0] as DenseWeights,
      { ...second, bias: new Float32Array(2) },
      layers[2] as DenseWeights,
    ];
    expect(write(bias)).toThrow('toy: dense_2/bias holds 2 values, expected 3');
    expect(write(layers.slice(0, 2))).toThrow('the output layer has 3 units');
    const nan = Float32Array.from((layers[0] as DenseWeights).kernel);
    nan[6] = Number.NaN;
    expect(write([{ ...(layers[0] as DenseWeights), kernel: nan }, ...layers.slice(1)])).toThrow(
      'toy: dense_1/kernel[6] is NaN, not a finite number',
    );
    model.dispose();
  });
});

describe('validateOnnx', () => {
  it('throws OnnxMismatchError naming the model and the worst row when ONNX Runtime disagrees', async () => {
    const model = buildMlp(
      N_FEATURES,
      { type: 'mlp', hiddenLayers: [4], activation: 'elu' },
      'regression',
      9,
    );
    const bytes = exportMlpToOnnx(
      denseWeights(model),
      { activation: 'elu', task: 'regression' },
      NAMES,
    );
    const x = sample(10);
    const expected = Float64Array.from(predict(model, x, N_FEATURES));
    expected[3] = (expected[3] as number) + 1e-3;
    expected[6] = (expected[6] as number) + 1e-2;
    const error = await validateOnnx(bytes, x, expected, { model: 'toy' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OnnxMismatchError);
    expect(error).toMatchObject({ model: 'toy', row: 6 });
    expect((error as Error).message).toMatch(/^toy: model.onnx predicts .* for sample row 6 /);
    model.dispose();
  });
});
