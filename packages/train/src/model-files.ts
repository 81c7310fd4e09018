import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { stableJson } from '@repo/config';
import * as tf from '@tensorflow/tfjs';
import { ModelFormatError } from './errors';

export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

/**
 * Saves the model in the TF.js layers format (`model.json` + one `weights.bin` shard) under `dir`,
 * created if needed. `model.json` has sorted keys and no timestamps, so saving the same weights
 * twice gives byte-identical files. Loadable by `tf.loadLayersModel` as well as `loadModel`.
 */
export async function saveModel(model: tf.LayersModel, dir: string): Promise<{ files: string[] }> {
  const files = [join(dir, MODEL_JSON), join(dir, WEIGHTS_BIN)];
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weightData = artifacts.weightData
        ? tf.io.CompositeArrayBuffer.join(artifacts.weightData)
        : new ArrayBuffer(0);
      const modelJson = {
        format: artifacts.format ?? 'layers-model',
        generatedBy: artifacts.generatedBy ?? null,
        convertedBy: artifacts.convertedBy ?? null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? [] }],
      };
      await mkdir(dir, { recursive: true });
      await writeFile(files[0] as string, stableJson(modelJson));
      await writeFile(files[1] as string, new Uint8Array(weightData));
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(0),
          modelTopologyType: 'JSON',
          weightDataBytes: weightData.byteLength,
        },
      };
    }),
  );
  return { files };
}

/**
 * Loads a model saved by `saveModel` (or any single-directory TF.js layers model) from `dir`.
 * Throws `ModelFormatError` naming the file when `model.json` or a weight shard is missing,
 * unparsable, or the shards do not hold the bytes the manifest describes.
 */
export async function loadModel(dir: string): Promise<tf.LayersModel> {
  const jsonPath = join(dir, MODEL_JSON);
  const modelJson = await readModelJson(jsonPath);
  const weightSpecs: tf.io.WeightsManifestEntry[] = [];
  const shards: Uint8Array[] = [];
  for (const group of modelJson.weightsManifest) {
    weightSpecs.push(...group.weights);
    for (const path of group.paths) {
      if (basename(path) !== path) {
        throw new ModelFormatError(
          jsonPath,
          `weight path ${JSON.stringify(path)} must be a file name in ${dir}`,
        );
      }
      shards.push(await readShard(join(dir, path)));
    }
  }
  const weightData = concat(shards);
  const expected = weightSpecs.reduce((sum, spec) => sum + bytesOf(spec, jsonPath), 0);
  if (weightData.byteLength !== expected) {
    throw new ModelFormatError(
      join(dir, modelJson.weightsManifest[0]?.paths[0] ?? WEIGHTS_BIN),
      `holds ${weightData.byteLength} bytes, the manifest in ${MODEL_JSON} describes ${expected}`,
    );
  }
  try {
    return await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson.modelTopology,
        weightSpecs,
        weightData: weightData.buffer as ArrayBuffer,
      }),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ModelFormatError(jsonPath, `is not a loadable layers model: ${reason}`, {
      cause: error,
    });
  }
}

interface ModelJson {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

async function readModelJson(path: string): Promise<ModelJson> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ModelFormatError(path, 'cannot be read (missing?)', { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ModelFormatError(path, 'is not valid JSON', { cause: error });
  }
  if (parsed === null || typeof parsed !== 'object') {
    throw new ModelFormatError(path, 'must hold a JSON object');
  }
  const { modelTopology, weightsManifest } = parsed as Record<string, unknown>;
  if (modelTopology === null || typeof modelTopology !== 'object') {
    throw new ModelFormatError(path, 'field modelTopology is missing or not an object');
  }
  const validManifest =
    Array.isArray(weightsManifest) &&
    weightsManifest.every(
      (group) =>
        group !== null &&
        typeof group === 'object' &&
        Array.isArray(group.paths) &&
        group.paths.every((p: unknown) => typeof p === 'string') &&
        Array.isArray(group.weights),
    );
  if (!validManifest) {
    throw new ModelFormatError(path, 'field weightsManifest must be a list of { paths, weights }');
  }
  return { modelTopology, weightsManifest: weightsManifest as ModelJson['weightsManifest'] };
}

async function readShard(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new ModelFormatError(path, 'cannot be read (missing?)', { cause: error });
  }
}

const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

function bytesOf(spec: tf.io.WeightsManifestEntry, jsonPath: string): number {
  const bytes = DTYPE_BYTES[spec.dtype];
  if (bytes === undefined || spec.quantization !== undefined || !Array.isArray(spec.shape)) {
    throw new ModelFormatError(
      jsonPath,
      `weight ${spec.name} has an unsupported dtype, shape or quantization`,
    );
  }
  return spec.shape.reduce((product, dim) => product * dim, bytes);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
