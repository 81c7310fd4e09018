import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inverseTarget, parsePreprocessor, transformTable } from '@repo/features';
import { ChecksumMismatchError } from '@repo/registry';
import { loadModel, predict } from '@repo/train';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidRecordError, ReleaseNotFoundError } from '../src/errors';
import { loadRelease } from '../src/load-release';
import type { LoadedModel } from '../src/loaded-model';
import {
  cacheDir,
  copyRegistry,
  MODEL,
  type PublishedRelease,
  publishHousePrices,
  recordsOf,
  removeTemporaryDirs,
} from './release-fixture';

let release: PublishedRelease;
let served: LoadedModel;

beforeAll(async () => {
  release = await publishHousePrices();
  served = await loadRelease(release.registry, MODEL, 'production', {
    cacheDir: await cacheDir(),
    backend: 'wasm',
  });
});

afterAll(async () => {
  served?.dispose();
  await removeTemporaryDirs();
});

/** The pipeline's own predictions (as `scoreModel` computes them) from the candidate's files. */
async function pipelinePredictions(rows: Int32Array): Promise<Float64Array> {
  const path = join(release.candidate, 'preprocessor.json');
  const preprocessor = parsePreprocessor(await readFile(path, 'utf8'), path);
  const network = await loadModel(release.candidate);
  try {
    const features = transformTable(preprocessor, release.data.table, rows);
    return inverseTarget(preprocessor, predict(network, features.x, features.width));
  } finally {
    network.dispose();
  }
}

describe('loadRelease', () => {
  it('loads the production version with its identity, task and input schema', () => {
    expect(served.model).toBe(MODEL);
    expect(served.version).toBe(release.version);
    expect(served.tag).toBe(`${MODEL}@v${release.version}`);
    expect(served.backend).toBe('wasm');
    expect(served.task).toBe('regression');
    expect(served.inputSchema.map((field) => field.name)).toEqual(
      release.data.loaded.config.features.map((feature) => feature.name),
    );
  });

  it('carries the ranges of model.yaml and the training levels into what it serves', () => {
    expect(served.target).toBe('price');
    const byName = new Map(served.features.map((feature) => [feature.name, feature]));
    expect(byName.get('sqft_living')).toEqual({
      name: 'sqft_living',
      kind: 'numeric',
      min: 200,
      max: 20000,
    });
    expect(byName.get('lat')).toMatchObject({ min: 47, max: 48 });
    const levels = byName.get('property_type')?.levels;
    expect(levels?.size).toBeGreaterThan(1);
    const column = release.data.table.columns.get('property_type');
    expect([...(levels ?? [])].sort()).toEqual(
      column?.kind === 'categorical' ? [...column.levels].sort() : [],
    );
  });

  it('predicts what the pipeline predicts on the same rows, on the price scale', async () => {
    const rows = release.data.split.test;
    const expected = await pipelinePredictions(rows);
    const { predictions } = served.predict(recordsOf(release.data, rows));
    expect(predictions).toHaveLength(rows.length);
    let worst = 0;
    predictions.forEach((value, i) => {
      const reference = expected[i] as number;
      worst = Math.max(worst, Math.abs(value - reference) / Math.abs(reference));
    });
    expect(worst).toBeLessThan(1e-6);
    // Prices, not standardized log prices.
    expect(Math.min(...predictions)).toBeGreaterThan(1000);
  });

  it('predicts rows with missing values (null) like the pipeline does', async () => {
    const records = recordsOf(release.data, release.data.split.train);
    const index = records.findIndex((r) => r.sqft_lot === null || r.year_built === null);
    expect(index).toBeGreaterThanOrEqual(0);
    const row = Int32Array.of(release.data.split.train[index] as number);
    const [expected] = await pipelinePredictions(row);
    const [actual] = served.predict([records[index] as (typeof records)[number]]).predictions;
    expect(Math.abs((actual as number) - (expected as number)) / (expected as number)).toBeLessThan(
      1e-6,
    );
  });

  it('resolves latest and an explicit version to the same release', async () => {
    for (const ref of ['latest', `v${release.version}`]) {
      const again = await loadRelease(release.registry, MODEL, ref, {
        cacheDir: await cacheDir(),
        backend: 'wasm',
      });
      expect(again.tag).toBe(served.tag);
      again.dispose();
    }
  });

  it('throws InvalidRecordError naming the record and field of a bad record', () => {
    const [good, second] = recordsOf(release.data, release.data.split.test.subarray(0, 2));
    const missing = { ...second };
    delete missing.bedrooms;
    const attempt = (records: unknown[]) => () => served.predict(records as never);
    expect(attempt([good, missing])).toThrowError(InvalidRecordError);
    expect(attempt([good, missing])).toThrowError(/record 1: numeric feature "bedrooms"/);
    try {
      served.predict([good, { ...second, neighborhood: 3 }] as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidRecordError);
      expect((error as InvalidRecordError).record).toBe(1);
      expect((error as InvalidRecordError).field).toBe('neighborhood');
    }
  });

  it('refuses a version whose stored asset was tampered with', async () => {
    const registry = await copyRegistry(release);
    const weights = join(registry.rootDir, MODEL, release.version, 'weights.bin');
    const bytes = await readFile(weights);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 0xff;
    await writeFile(weights, bytes);
    const load = loadRelease(registry, MODEL, 'production', {
      cacheDir: await cacheDir(),
      backend: 'wasm',
    });
    await expect(load).rejects.toBeInstanceOf(ChecksumMismatchError);
    await expect(load).rejects.toThrow(/weights\.bin/);
  });

  it('downloads again over a cached copy that was changed on disk', async () => {
    const cache = await cacheDir();
    const first = await loadRelease(release.registry, MODEL, 'production', {
      cacheDir: cache,
      backend: 'wasm',
    });
    first.dispose();
    const preprocessor = join(first.dir, 'preprocessor.json');
    await writeFile(preprocessor, '{"tampered": true}');
    const second = await loadRelease(release.registry, MODEL, 'production', {
      cacheDir: cache,
      backend: 'wasm',
    });
    const records = recordsOf(release.data, release.data.split.test.subarray(0, 5));
    expect(second.predict(records).predictions).toEqual(served.predict(records).predictions);
    expect(await readFile(preprocessor, 'utf8')).not.toContain('tampered');
    second.dispose();
  });

  it('throws ReleaseNotFoundError for a version the registry does not have', async () => {
    const load = loadRelease(release.registry, MODEL, '9.9.9', {
      cacheDir: await cacheDir(),
      backend: 'wasm',
    });
    await expect(load).rejects.toBeInstanceOf(ReleaseNotFoundError);
  });
});
