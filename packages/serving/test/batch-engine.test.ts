import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ONNX_FILE } from '@repo/onnx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONNX_MIN_ROWS, onnxBatchEngine } from '../src/batch-engine';
import { loadRelease } from '../src/load-release';
import type { LoadedModel } from '../src/loaded-model';
import {
  cacheDir,
  MODEL,
  type PublishedRelease,
  publishHousePrices,
  recordsOf,
  removeTemporaryDirs,
} from './release-fixture';
import { call, serveHousePrices } from './served-release';

let release: PublishedRelease;
let served: LoadedModel;

beforeAll(async () => {
  release = await publishHousePrices();
  served = await loadRelease(release.registry, MODEL, 'production', { cacheDir: await cacheDir() });
});

afterAll(async () => {
  served?.dispose();
  await removeTemporaryDirs();
});

function someRecords(count: number) {
  const rows = Int32Array.from({ length: count }, (_, i) => i);
  return recordsOf(release.data, rows);
}

describe('predictMany', () => {
  it('predicts a large batch in ONNX Runtime, equal to predict to float32 precision', async () => {
    const records = someRecords(300);
    const many = await served.predictMany(records);
    const one = served.predict(records);
    expect(many.predictions).toHaveLength(300);
    many.predictions.forEach((value, i) => {
      const reference = one.predictions[i] as number;
      expect(Math.abs(value - reference) / Math.abs(reference)).toBeLessThan(1e-5);
    });
    // Not the same code: ONNX Runtime's sums are not bit-equal to the kernel's everywhere.
    expect(many.predictions.some((v, i) => v !== one.predictions[i])).toBe(true);
  });

  it('predicts a small batch as predict does, bit for bit', async () => {
    const records = someRecords(ONNX_MIN_ROWS - 1);
    expect((await served.predictMany(records)).predictions).toEqual(
      served.predict(records).predictions,
    );
  });

  it('rejects invalid records as predict does', async () => {
    const records = someRecords(ONNX_MIN_ROWS);
    const broken = records.map((r, i) => (i === 5 ? { ...r, sqft_living: 'big' } : r));
    await expect(served.predictMany(broken)).rejects.toThrow(/record 5/);
  });
});

describe('onnxBatchEngine', () => {
  it('degrades to the caller when the version has no model.onnx, and says why', async () => {
    const dir = await cacheDir();
    const copy = await loadRelease(release.registry, MODEL, 'production', { cacheDir: dir });
    try {
      await rm(join(dir, MODEL, release.version, ONNX_FILE));
      const engine = onnxBatchEngine(join(dir, MODEL, release.version), 30, MODEL);
      expect(await engine.run(new Float32Array(30 * 2), 2)).toBeNull();
      expect(engine.unavailable).toMatch(/ENOENT/);
    } finally {
      copy.dispose();
    }
  });
});

describe('a served request of many records', () => {
  it('is answered through predictMany, as batch scoring computes it', async () => {
    const served = await serveHousePrices();
    try {
      const records = served.records(100);
      const answer = await call(`${served.server.url}/predict`, 'POST', { records });
      expect(answer.status).toBe(200);
      const body = answer.body as { predictions: number[] };
      const expected = await served.model.predictMany(records);
      expect(body.predictions).toEqual(expected.predictions);
      const one = served.model.predict(records).predictions;
      expect(body.predictions.some((v, i) => v !== one[i])).toBe(true);
    } finally {
      await served.stop();
    }
  });
});
