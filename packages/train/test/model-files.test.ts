import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../src/backend';
import { ModelFormatError } from '../src/errors';
import { buildMlp } from '../src/mlp';
import { loadModel, saveModel } from '../src/model-files';
import { predict } from '../src/predict';
import { linearData, smallArchitecture } from './fixtures';

let root: string;
let model: tf.LayersModel;
const { x } = linearData(50, 4, 1);

beforeAll(async () => {
  await initBackend('wasm');
  root = await mkdtemp(join(tmpdir(), 'model-files-'));
  model = buildMlp(4, smallArchitecture, 'regression', 5);
});

afterAll(async () => {
  model.dispose();
  await rm(root, { recursive: true, force: true });
});

async function savedCopy(name: string): Promise<string> {
  const dir = join(root, name);
  await saveModel(model, dir);
  return dir;
}

describe('saveModel', () => {
  it('writes model.json and weights.bin in the TF.js layers format', async () => {
    const dir = join(root, 'format');
    const { files } = await saveModel(model, dir);
    expect(files).toEqual([join(dir, 'model.json'), join(dir, 'weights.bin')]);
    const json = JSON.parse(await readFile(files[0] as string, 'utf8'));
    expect(json.format).toBe('layers-model');
    expect(json.modelTopology.class_name).toBe('Sequential');
    expect(json.weightsManifest).toEqual([
      {
        paths: ['weights.bin'],
        weights: expect.arrayContaining([expect.objectContaining({ name: 'dense_1/kernel' })]),
      },
    ]);
    const weightCount = model.getWeights().reduce((n, w) => n + w.size, 0);
    expect((await readFile(files[1] as string)).byteLength).toBe(weightCount * 4);
  });

  it('writes byte-identical files when saving the same weights twice', async () => {
    const a = await savedCopy('twice-a');
    const b = await savedCopy('twice-b');
    for (const file of ['model.json', 'weights.bin']) {
      const bytesA = await readFile(join(a, file));
      const bytesB = await readFile(join(b, file));
      expect(bytesB.equals(bytesA)).toBe(true);
    }
  });
});

describe('loadModel', () => {
  it('round-trips to a model with identical predictions', async () => {
    const loaded = await loadModel(await savedCopy('round-trip'));
    expect(predict(loaded, x, 4)).toEqual(predict(model, x, 4));
    loaded.dispose();
  });

  it('throws ModelFormatError naming model.json when it is missing', async () => {
    const dir = await savedCopy('no-json');
    await unlink(join(dir, 'model.json'));
    const attempt = loadModel(dir);
    await expect(attempt).rejects.toBeInstanceOf(ModelFormatError);
    await expect(attempt).rejects.toThrow(join(dir, 'model.json'));
  });

  it('throws ModelFormatError naming model.json when it is not JSON', async () => {
    const dir = await savedCopy('corrupt-json');
    await writeFile(join(dir, 'model.json'), '{"modelTopology": ');
    await expect(loadModel(dir)).rejects.toThrow(/model\.json: is not valid JSON/);
  });

  it('throws ModelFormatError when model.json lacks the topology or the manifest', async () => {
    const dir = await savedCopy('no-topology');
    await writeFile(join(dir, 'model.json'), JSON.stringify({ weightsManifest: [] }));
    await expect(loadModel(dir)).rejects.toThrow(/model\.json: field modelTopology/);
    await writeFile(join(dir, 'model.json'), JSON.stringify({ modelTopology: {} }));
    await expect(loadModel(dir)).rejects.toThrow(/model\.json: field weightsManifest/);
  });

  it('throws ModelFormatError naming weights.bin when it is missing or truncated', async () => {
    const dir = await savedCopy('bad-weights');
    const weights = join(dir, 'weights.bin');
    const bytes = await readFile(weights);
    await writeFile(weights, bytes.subarray(0, bytes.length - 4));
    const truncated = loadModel(dir);
    await expect(truncated).rejects.toBeInstanceOf(ModelFormatError);
    await expect(truncated).rejects.toThrow(`${weights}: holds ${bytes.length - 4} bytes`);
    await unlink(weights);
    await expect(loadModel(dir)).rejects.toThrow(`${weights}: cannot be read`);
  });

  it('refuses weight paths that leave the model directory', async () => {
    const dir = await savedCopy('escape');
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
    json.weightsManifest[0].paths = ['../escape/weights.bin'];
    await writeFile(join(dir, 'model.json'), JSON.stringify(json));
    await expect(loadModel(dir)).rejects.toBeInstanceOf(ModelFormatError);
  });

  it('throws ModelFormatError when the topology does not describe a model', async () => {
    const dir = await savedCopy('bad-topology');
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
    json.modelTopology = { class_name: 'NoSuchModel', config: {} };
    await writeFile(join(dir, 'model.json'), JSON.stringify(json));
    await expect(loadModel(dir)).rejects.toThrow(/model\.json: is not a loadable layers model/);
  });
});
