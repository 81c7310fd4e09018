import { setTimeout as sleep } from 'node:timers/promises';
import type { FeatureRecord } from '@repo/features';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ModelServer, startModelServer } from '../src/model-server';
import type { ReloadStatus } from '../src/model-slot';
import { sampleSum, scrape } from './prometheus-text';
import { predictLoop, publishCopy, tamperWeights } from './registry-versions';
import {
  cacheDir,
  MODEL,
  type PublishedRelease,
  publishHousePrices,
  recordsOf,
  removeTemporaryDirs,
} from './release-fixture';
import { call } from './served-release';
import { slowPost, untilInFlight } from './slow-request';

const INTERVAL_MS = 100;
let release: PublishedRelease;
let serving: ModelServer;
let url: string;
let records: FeatureRecord[];
const logged: string[] = [];

beforeAll(async () => {
  release = await publishHousePrices();
  records = recordsOf(release.data, release.data.split.test.subarray(0, 3));
  serving = await startModelServer({
    registry: release.registry,
    models: [MODEL],
    cacheDir: await cacheDir(),
    backend: 'wasm',
    followIntervalMs: INTERVAL_MS,
    log: (line) => logged.push(line),
  });
  url = serving.server.url;
});
afterAll(async () => {
  await serving?.stop(1000);
  await removeTemporaryDirs();
});

interface Health {
  version: string;
  reload: ReloadStatus;
}

async function health(): Promise<Health> {
  return (await call(`${url}/health`, 'GET')).body as Health;
}

/** Polls `/health` until `done` holds (bounded). */
async function healthUntil(done: (h: Health) => boolean, timeoutMs = 15_000): Promise<Health> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await health();
    if (done(current)) return current;
    if (Date.now() > deadline) throw new Error(`health never matched: ${JSON.stringify(current)}`);
    await sleep(25);
  }
}

/** The Open Inference tensors of `rows`: one per feature. */
function tensors(rows: readonly FeatureRecord[]) {
  return serving.slots[0]?.model.features.map((feature) => ({
    name: feature.name,
    shape: [rows.length, 1],
    datatype: feature.kind === 'numeric' ? 'FP64' : 'BYTES',
    data: rows.map((row) => row[feature.name] ?? null),
  }));
}

/** Every client saw versions in order: the old one, then only the new one. */
function expectOneSwap(versions: string[][], from: string, to: string): void {
  for (const seen of versions) {
    const first = seen.indexOf(to);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(seen.slice(0, first).every((v) => v === from)).toBe(true);
    expect(seen.slice(first).every((v) => v === to)).toBe(true);
  }
}

describe('a server following production', () => {
  it('serves the production version it found at start, and says it follows it', async () => {
    const answer = await health();
    expect(answer.version).toBe('1.0.0');
    expect(answer.reload).toMatchObject({ following: true, intervalMs: INTERVAL_MS });
    await healthUntil((h) => h.reload.state === 'current' && h.reload.production === '1.0.0');
  });

  it('swaps to a newly promoted version without failing a request; one in flight finishes on the old version', async () => {
    await publishCopy(
      release.registry,
      { model: MODEL, version: '1.0.0' },
      { model: MODEL, version: '1.1.0' },
    );
    // An inference that starts on 1.0.0 and is still reading its body when the swap happens.
    const slow = slowPost(
      `${url}/v2/models/${MODEL}/infer`,
      JSON.stringify({ inputs: tensors(records) }),
    );
    await untilInFlight(url, 1);
    const promotedAt = Date.now();
    await release.registry.promote(MODEL, '1.1.0');
    const loop = await predictLoop(url, { records }, '1.1.0');
    expect(Date.now() - promotedAt).toBeLessThan(5_000);
    expect(loop.failures).toEqual([]);
    expectOneSwap(loop.versions, '1.0.0', '1.1.0');
    slow.finish();
    const inflight = await slow.answer;
    expect(inflight.status, inflight.body).toBe(200);
    expect(JSON.parse(inflight.body)).toMatchObject({ model_version: '1.0.0' });
    const answer = await health();
    expect(answer.reload.lastReload).toMatchObject({ from: '1.0.0', to: '1.1.0' });
    expect(logged.some((line) => line.includes('production moved to house-prices@v1.1.0'))).toBe(
      true,
    );
  });

  it('returns to the previous version after a rollback, without failing a request', async () => {
    await release.registry.rollback(MODEL, 'test');
    const loop = await predictLoop(url, { records }, '1.0.0');
    expect(loop.failures).toEqual([]);
    expectOneSwap(loop.versions, '1.1.0', '1.0.0');
  });

  it('refuses a production version whose weights were tampered with and keeps serving the old one', async () => {
    await publishCopy(
      release.registry,
      { model: MODEL, version: '1.0.0' },
      { model: MODEL, version: '1.2.0' },
    );
    await release.registry.promote(MODEL, '1.2.0');
    tamperWeights(release.registry, MODEL, '1.2.0');
    const refused = await healthUntil((h) => h.reload.state === 'refused');
    expect(refused.version).toBe('1.0.0');
    expect(refused.reload.production).toBe('1.2.0');
    expect(refused.reload.lastRefusal).toMatchObject({
      version: '1.2.0',
      error: 'ChecksumMismatchError',
      message: expect.stringContaining('weights.bin'),
    });
    const answer = await call(`${url}/predict`, 'POST', { records });
    expect(answer).toMatchObject({ status: 200, body: { version: '1.0.0' } });
    const metadata = await call(`${url}/v2/models/${MODEL}`, 'GET');
    expect(metadata.body).toMatchObject({
      parameters: { reload_state: 'refused', reload_refused_version: '1.2.0' },
    });
    expect(logged.some((line) => line.includes('production is 1.2.0, but it was refused'))).toBe(
      true,
    );

    const samples = await scrape(url);
    const failures = { model: MODEL, version: '1.2.0', reason: 'ChecksumMismatchError' };
    expect(sampleSum(samples, 'mlops_model_reload_failures_total', failures)).toBe(1);
    expect(
      sampleSum(samples, 'mlops_model_reloads_total', { model: MODEL, version: '1.1.0' }),
    ).toBe(1);
    expect(
      sampleSum(samples, 'mlops_model_reloads_total', { model: MODEL, version: '1.0.0' }),
    ).toBe(1);
    expect(sampleSum(samples, 'mlops_model_info', { model: MODEL, version: '1.0.0' })).toBe(1);
    expect(sampleSum(samples, 'mlops_model_info', { version: '1.1.0' })).toBe(0);
  });

  it('refuses a production version that verifies but does not load', async () => {
    await publishCopy(
      release.registry,
      { model: MODEL, version: '1.0.0' },
      { model: MODEL, version: '1.3.0' },
      { 'model.json': '{"not": "a model"}' },
    );
    await release.registry.promote(MODEL, '1.3.0');
    const refused = await healthUntil((h) => h.reload.lastRefusal?.version === '1.3.0');
    expect(refused.version).toBe('1.0.0');
    expect(refused.reload.state).toBe('refused');
    const answer = await call(`${url}/predict`, 'POST', { records });
    expect(answer).toMatchObject({ status: 200, body: { version: '1.0.0' } });
  });
});

describe('a server of several models', () => {
  it('serves each model at its own production version, and follows each', async () => {
    await release.registry.rollback(MODEL, 'back to a sound version', { to: '1.0.0' });
    await publishCopy(
      release.registry,
      { model: MODEL, version: '1.0.0' },
      { model: 'condos', version: '2.0.0' },
    );
    await release.registry.promote('condos', '2.0.0');
    const both = await startModelServer({
      registry: release.registry,
      models: [MODEL, 'condos'],
      cacheDir: await cacheDir(),
      backend: 'wasm',
      followIntervalMs: INTERVAL_MS,
    });
    try {
      const answer = await call(`${both.server.url}/health`, 'GET');
      const models = (answer.body as { models: { model: string; version: string }[] }).models;
      expect(models.map(({ model, version }) => `${model}@${version}`)).toEqual([
        `${MODEL}@1.0.0`,
        'condos@2.0.0',
      ]);
      const condos = await call(`${both.server.url}/predict`, 'POST', { model: 'condos', records });
      expect(condos).toMatchObject({ status: 200, body: { model: 'condos', version: '2.0.0' } });
      const instances = await call(`${both.server.url}/v1/models/condos:predict`, 'POST', {
        instances: records,
      });
      expect(instances.status).toBe(200);
      await publishCopy(
        release.registry,
        { model: 'condos', version: '2.0.0' },
        { model: 'condos', version: '2.1.0' },
      );
      await release.registry.promote('condos', '2.1.0');
      const loop = await predictLoop(both.server.url, { model: 'condos', records }, '2.1.0');
      expect(loop.failures).toEqual([]);
      const first = await call(`${both.server.url}/predict`, 'POST', { records });
      expect(first.body).toMatchObject({ model: MODEL, version: '1.0.0' });
    } finally {
      await both.stop(1000);
    }
  });
});
