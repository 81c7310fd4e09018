import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parsePreprocessor, transformRecords } from '@repo/features';
import { ONNX_INPUT, readOnnxMetadata, runOnnx } from '@repo/onnx';
import { ONNX_FILE } from '@repo/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDir, MODEL } from './release-fixture';
import { referencePredictions, type ServedRelease, serveHousePrices } from './served-release';

let served: ServedRelease;
let dir: string;

beforeAll(async () => {
  served = await serveHousePrices();
  const { release } = served;
  // As a user fetches it: the release's assets, every sha256 checked against SHA256SUMS.
  dir = (await release.registry.download(MODEL, release.version, await cacheDir())).dir;
});

afterAll(async () => {
  await served?.stop();
});

/**
 * The documented inverse of `mlops.target_transform`: `none` y = o, `standardize`
 * y = o·std + mean, `log` y = exp(o·std + mean).
 */
function inverse(transform: { transform: string; mean?: number; std?: number }, o: number) {
  const linear = o * (transform.std ?? 1) + (transform.mean ?? 0);
  if (transform.transform === 'log') return Math.exp(linear);
  return transform.transform === 'standardize' ? linear : o;
}

describe('the model.onnx asset of a release', () => {
  it('is an asset of the release, covered by SHA256SUMS', async () => {
    const sums = await readFile(
      join(served.release.registry.rootDir, MODEL, served.release.version, 'SHA256SUMS'),
      'utf8',
    );
    const digest = createHash('sha256')
      .update(await readFile(join(dir, ONNX_FILE)))
      .digest('hex');
    expect(sums.split('\n')).toContain(`${digest}  ${ONNX_FILE}`);
  });

  it('names the preprocessor inputs in order, the task and the target transform applied outside', async () => {
    const metadata = readOnnxMetadata(await readFile(join(dir, ONNX_FILE)));
    const preprocessor = parsePreprocessor(
      await readFile(join(dir, 'preprocessor.json'), 'utf8'),
      'preprocessor.json',
    );
    expect(JSON.parse(metadata['mlops.inputs'] as string)).toEqual(preprocessor.featureNames);
    expect(metadata).toMatchObject({
      'mlops.model': MODEL,
      'mlops.version': served.release.version,
      'mlops.task': 'regression',
      'mlops.target': 'price',
      'mlops.target_transform_applied': 'outside',
    });
    expect(JSON.parse(metadata['mlops.target_transform'] as string)).toEqual({
      transform: 'log',
      mean: (preprocessor.target as { mean: number }).mean,
      std: (preprocessor.target as { std: number }).std,
    });
  });

  it('predicts in ONNX Runtime, after the documented inverse transform, what the server answers', async () => {
    const records = served.records(50);
    const answers = await referencePredictions(served.server, records);
    const bytes = await readFile(join(dir, ONNX_FILE));
    const metadata = readOnnxMetadata(bytes);
    const transform = JSON.parse(metadata['mlops.target_transform'] as string);
    const preprocessor = parsePreprocessor(
      await readFile(join(dir, 'preprocessor.json'), 'utf8'),
      'preprocessor.json',
    );
    const features = transformRecords(preprocessor, records);
    expect(features.width).toBe(JSON.parse(metadata['mlops.inputs'] as string).length);
    const raw = await runOnnx(bytes, features.x, features.width, `${MODEL} (${ONNX_INPUT})`);
    expect(raw).toHaveLength(50);
    raw.forEach((o, i) => {
      const answer = answers[i] as number;
      // The network agrees to 1e-5·max(|o|, 1) (validateOnnx); through exp(o·std + mean) that
      // is a relative error of at most std times as much on the price.
      const bound = 1e-5 * Math.max(Math.abs(o), 1) * transform.std;
      expect(Math.abs(inverse(transform, o) - answer) / answer).toBeLessThanOrEqual(bound);
    });
  });
});
