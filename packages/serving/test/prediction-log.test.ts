import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FeatureRecord } from '@repo/features';
import { parseJsonLines } from '@repo/tabular';
import { afterAll, describe, expect, it } from 'vitest';
import { PredictionLogError } from '../src/errors';
import type { LoadedModel } from '../src/loaded-model';
import { ServingMetrics } from '../src/metrics';
import { PredictionLog } from '../src/prediction-log';
import { sampleSum, scrape } from './prometheus-text';
import { MODEL } from './release-fixture';
import { call, serveHousePrices } from './served-release';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function logPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prediction-log-'));
  dirs.push(dir);
  return join(dir, 'predictions.jsonl');
}

const model = {
  model: 'm',
  version: '1.0.0',
  features: [
    { name: 'sqft', kind: 'numeric' },
    { name: 'city', kind: 'categorical', levels: new Set(['a']) },
  ],
} as unknown as LoadedModel;

const request = { requestId: 'req-1' };

function recordsOf(n: number): FeatureRecord[] {
  return Array.from({ length: n }, (_, i) => ({ sqft: i, city: i % 2 === 0 ? 'a' : null }));
}

function linesOf(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('PredictionLog', () => {
  it('logs every record at a sample rate of 1, one flat JSON line per record with the model columns', async () => {
    const path = logPath();
    const log = new PredictionLog({ path, sampleRate: 1 });
    const records = [{ sqft: 1, city: 'a', extra: 'ignored' }, { sqft: 2 }] as FeatureRecord[];
    log.record(request, model, records, [10, 20]);
    log.record(
      request,
      model,
      recordsOf(8),
      Array.from({ length: 8 }, (_, i) => i),
    );
    expect(await log.close()).toBe(true);
    const lines = linesOf(path);
    expect(lines).toHaveLength(10);
    const keys = ['timestamp', 'model', 'version', 'requestId', 'sqft', 'city', 'prediction'];
    for (const line of lines) expect(Object.keys(line)).toEqual(keys);
    expect(lines[0]).toMatchObject({
      model: 'm',
      version: '1.0.0',
      requestId: 'req-1',
      sqft: 1,
      city: 'a',
      prediction: 10,
    });
    expect(lines[1]).toMatchObject({ sqft: 2, city: null, prediction: 20 });
    expect(Number.isNaN(Date.parse(String(lines[0]?.timestamp)))).toBe(false);
    expect(log.stats).toMatchObject({ written: 10, dropped: 0, queued: 0 });
  });

  it('logs nothing at a sample rate of 0', async () => {
    const path = logPath();
    const log = new PredictionLog({ path, sampleRate: 0 });
    log.record(request, model, recordsOf(50), new Array(50).fill(1));
    await log.close();
    expect(existsSync(path)).toBe(false);
    expect(log.stats.written).toBe(0);
  });

  it('logs the records whose draw of the injected generator falls below the rate', async () => {
    const path = logPath();
    const draws = [0.1, 0.9, 0.29, 0.31, 0.0, 0.5];
    const log = new PredictionLog({ path, sampleRate: 0.3, random: () => draws.shift() ?? 1 });
    log.record(request, model, recordsOf(6), [0, 1, 2, 3, 4, 5]);
    await log.close();
    expect(linesOf(path).map((line) => line.prediction)).toEqual([0, 2, 4]);
  });

  it('rotates the file before it would grow past the size bound, keeping the newest files', async () => {
    const path = logPath();
    const log = new PredictionLog({ path, sampleRate: 1, maxBytes: 1000, keep: 2 });
    for (let i = 0; i < 10; i++) log.record(request, model, recordsOf(10), new Array(10).fill(i));
    await log.close();
    const dir = join(path, '..');
    expect(readdirSync(dir).sort()).toEqual([
      'predictions.jsonl',
      'predictions.jsonl.1',
      'predictions.jsonl.2',
    ]);
    for (const file of readdirSync(dir)) {
      expect(statSync(join(dir, file)).size).toBeLessThanOrEqual(1000);
      expect(linesOf(join(dir, file)).length).toBeGreaterThan(0);
    }
    expect(log.stats.rotations).toBeGreaterThanOrEqual(3);
    const newest = linesOf(path).at(-1);
    expect(newest?.prediction).toBe(9);
  });

  it('refuses a sample rate outside 0..1', () => {
    expect(() => new PredictionLog({ path: logPath(), sampleRate: 1.5 })).toThrow(/from 0 to 1/);
  });

  it('refuses a file in a folder that does not exist, when it is set up', () => {
    const path = join(logPath(), 'missing', 'predictions.jsonl');
    expect(() => new PredictionLog({ path, sampleRate: 1 })).toThrow(PredictionLogError);
  });
});

describe('a server with a prediction log', () => {
  it('logs what it answered with the request id and the model columns', async () => {
    const path = logPath();
    const log = new PredictionLog({ path, sampleRate: 1 });
    const served = await serveHousePrices({ predictionLog: log });
    try {
      const records = served.records(3);
      const response = await fetch(`${served.server.url}/predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'abc-123' },
        body: JSON.stringify({ records }),
      });
      const { predictions } = (await response.json()) as { predictions: number[] };
      await log.close();
      const lines = linesOf(path);
      expect(lines.map((line) => line.prediction)).toEqual(predictions);
      const columns = served.model.features.map((feature) => feature.name);
      for (const [i, line] of lines.entries()) {
        expect(line).toEqual({
          timestamp: expect.any(String),
          model: MODEL,
          version: served.model.version,
          requestId: 'abc-123',
          ...records[i],
          prediction: predictions[i],
        });
        expect(Object.keys(line).slice(4, -1)).toEqual(columns);
      }
      // Read back as the drift checks read a log of served requests: a table of the columns.
      const table = parseJsonLines(readFileSync(path, 'utf8'), path, {
        types: { timestamp: 'date', model: 'categorical' },
      });
      expect(table.rowCount).toBe(3);
      for (const feature of served.model.features) {
        expect(table.columns.get(feature.name)?.kind).toBe(feature.kind);
      }
      expect(table.columns.get('prediction')?.kind).toBe('numeric');
    } finally {
      await served.stop();
    }
  });

  it('answers without waiting for a stream that never drains, dropping and counting what does not fit', async () => {
    const stuck = new Writable({ highWaterMark: 1, write: () => {} });
    const metrics = new ServingMetrics();
    const log = new PredictionLog({
      path: logPath(),
      sampleRate: 1,
      maxQueue: 20,
      open: () => stuck,
      onDropped: (count) => metrics.predictionLogDropped(count),
    });
    const served = await serveHousePrices({ predictionLog: log, metrics });
    try {
      const records = served.records(5);
      const started = Date.now();
      for (let i = 0; i < 20; i++) {
        const answer = await call(`${served.server.url}/predict`, 'POST', { records });
        expect(answer.status).toBe(200);
      }
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(log.stats.dropped).toBeGreaterThan(0);
      expect(log.stats.written).toBe(0);
      const samples = await scrape(served.server.url);
      expect(sampleSum(samples, 'mlops_prediction_log_dropped_total')).toBe(log.stats.dropped);
      expect(await log.flush(50)).toBe(false);
    } finally {
      await log.close(0);
      await served.stop();
    }
  });
});
