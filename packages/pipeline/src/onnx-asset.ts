import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArchitectureSpec } from '@repo/config';
import { parsePreprocessor } from '@repo/features';
import {
  type DenseWeights,
  exportMlpToOnnx,
  ONNX_FILE,
  OnnxExportError,
  validateOnnx,
} from '@repo/onnx';
import { initBackend, loadModel, predict, type Task } from '@repo/train';
import type { PipelineContext } from './context';

export { ONNX_FILE };
/** Rows the exported network is checked on against TF.js before a release is written. */
export const ONNX_SAMPLE_ROWS = 64;

export interface OnnxAssetInput {
  readonly model: string;
  readonly version: string;
  /** The candidate folder: `model.json`, `weights.bin`, `preprocessor.json`; gets `model.onnx`. */
  readonly dir: string;
  readonly architecture: ArchitectureSpec;
  readonly task: Task;
}

/**
 * Exports the candidate's network to `model.onnx` in `dir` (see `exportMlpToOnnx` of
 * `@repo/onnx`: the network only, the preprocessor's feature names and the target transform in
 * its metadata), after checking in ONNX Runtime that it predicts what the TF.js network predicts
 * on `ONNX_SAMPLE_ROWS` deterministic rows of [-3, 3]ⁿ (the range standardized and one-hot
 * inputs take). Nothing is written when the check fails: `OnnxMismatchError`, `OnnxModelError`,
 * or `OnnxRuntimeUnavailableError` when ONNX Runtime cannot be loaded (never skipped).
 */
export async function writeOnnxAsset(ctx: PipelineContext, input: OnnxAssetInput): Promise<string> {
  const { model, version, dir } = input;
  const preprocessorPath = join(dir, 'preprocessor.json');
  const preprocessor = parsePreprocessor(
    await readFile(preprocessorPath, 'utf8'),
    preprocessorPath,
  );
  await initBackend(ctx.backend);
  const network = await loadModel(dir);
  try {
    const layers: DenseWeights[] = network.layers.map((layer) => {
      const [kernel, bias] = layer.getWeights();
      if (kernel === undefined || bias === undefined || kernel.shape.length !== 2) {
        throw new OnnxExportError(
          model,
          `${join(dir, 'model.json')}: layer ${layer.name} is not a dense layer with a bias`,
        );
      }
      return {
        kernel: kernel.dataSync() as Float32Array,
        kernelShape: [kernel.shape[0] as number, kernel.shape[1] as number],
        bias: bias.dataSync() as Float32Array,
      };
    });
    const bytes = exportMlpToOnnx(
      layers,
      { activation: input.architecture.activation, task: input.task },
      { model, version, featureNames: preprocessor.featureNames, target: preprocessor.target },
    );
    const nFeatures = preprocessor.featureNames.length;
    const sample = sampleRows(ONNX_SAMPLE_ROWS, nFeatures);
    const expected = predict(network, sample, nFeatures);
    const check = await validateOnnx(bytes, sample, expected, { model: `${model}@v${version}` });
    const path = join(dir, ONNX_FILE);
    await writeFile(path, bytes);
    ctx.log(
      `${model}: ${ONNX_FILE} predicts as TF.js in ONNX Runtime on ${check.rows} rows (largest error ${check.maxError.toExponential(1)})`,
    );
    return path;
  } finally {
    network.dispose();
  }
}

/** `rows × width` deterministic values spread over [-3, 3]. */
function sampleRows(rows: number, width: number): Float32Array {
  return Float32Array.from({ length: rows * width }, (_, i) => 3 * Math.sin(i * 12.9898 + 78.233));
}
