import type { FeatureRecord } from '@repo/features';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelSlot } from '../src/model-slot';
import { type RunningServer, startServer } from '../src/prediction-server';
import { ResponseChecker, stall } from './openapi-client';
import { MODEL } from './release-fixture';
import { call, type ServedRelease, serveHousePrices } from './served-release';

const LIMITS = { maxBodyBytes: 16 * 1024, requestTimeoutMs: 300 };
let served: ServedRelease;
let strict: RunningServer;
let checker: ResponseChecker;
let records: FeatureRecord[];
let version: string;

beforeAll(async () => {
  served = await serveHousePrices(LIMITS);
  strict = await startServer({ ...LIMITS, model: served.model, onInvalid: 'reject' });
  const answer = await call(`${served.server.url}/openapi.json`, 'GET');
  checker = new ResponseChecker(answer.body as Record<string, unknown>);
  checker.check('GET', '/openapi.json', answer);
  records = served.records(3);
  version = served.model.version;
});
afterAll(async () => {
  await strict?.close();
  await served?.stop();
});

/** `strict`: sent to the server that rejects out-of-range values; `type`: the content type. */
interface Options {
  readonly type?: string;
  readonly strict?: boolean;
}
/** A request and the status it must get: [method, path template, path, status, body, options]. */
type Case = readonly [
  method: 'GET' | 'POST',
  template: string,
  path: string,
  status: number,
  body?: unknown,
  options?: Options,
];

/** Sends every case, checks its status, and validates the answer against the description. */
async function run(cases: readonly Case[]): Promise<void> {
  for (const [method, template, path, status, body, options = {}] of cases) {
    const base = options.strict ? strict.url : served.server.url;
    const answer = await call(`${base}${path}`, method, body, options.type);
    expect(answer.status, `${method} ${path}`).toBe(status);
    checker.check(method, template, answer);
    if (status === 200 && method === 'POST' && options.type === undefined) {
      checker.checkRequest(method, template, body);
    }
  }
}

/** Body-reading routes answer these whatever the protocol: 413 and 415. */
function bodyErrors(template: string, path: string): Case[] {
  const huge = { records: [], padding: 'x'.repeat(LIMITS.maxBodyBytes) };
  return [
    ['POST', template, path, 413, huge],
    ['POST', template, path, 415, '{}', { type: 'text/plain' }],
  ];
}

const odd = (): FeatureRecord[] => [
  { ...(records[0] as FeatureRecord), bedrooms: 99 },
  records[1] as FeatureRecord,
];
const tensors = (rows: readonly FeatureRecord[]) =>
  served.model.features.map((f) => ({
    name: f.name,
    shape: [rows.length, 1],
    datatype: f.kind === 'numeric' ? 'FP64' : 'BYTES',
    data: rows.map((r) => r[f.name] ?? null),
  }));

describe('the OpenAPI description at GET /openapi.json', () => {
  it('is OpenAPI 3.1 whose schemas all compile as JSON Schema 2020-12', () => {
    expect(checker.document.openapi).toBe('3.1.0');
    const schemas = (checker.document.components as { schemas: Record<string, unknown> }).schemas;
    for (const name of Object.keys(schemas)) expect(() => checker.schema(name)).not.toThrow();
    expect(checker.operations().length).toBeGreaterThanOrEqual(20);
  });

  it('describes the answers of /health and /predict, successes and errors', async () => {
    const nonFinite = { records: [{ ...records[0], sqft_living: 1e10 }] };
    await run([
      ['GET', '/health', '/health', 200],
      ['POST', '/predict', '/predict', 200, { records }],
      ['POST', '/predict', '/predict', 200, { records: odd() }],
      ['POST', '/predict', '/predict', 400, '{"records": ['],
      ['POST', '/predict', '/predict', 400, { records: [{}] }],
      ['POST', '/predict', '/predict', 422, { records: odd() }, { strict: true }],
      ['POST', '/predict', '/predict', 422, nonFinite],
      ['POST', '/predict', '/predict', 200, { model: MODEL, records }],
      ['POST', '/predict', '/predict', 404, { model: 'other', records }],
      ...bodyErrors('/predict', '/predict'),
    ]);
    checker.checkBody('Error', (await call(`${served.server.url}/nowhere`, 'GET')).body);
  });

  it('describes the answers of the Open Inference Protocol routes', async () => {
    const model = `/v2/models/${MODEL}`;
    const versioned = `${model}/versions/${version}`;
    const T = '/v2/models/{name}';
    const V = '/v2/models/{name}/versions/{version}';
    await run([
      ['GET', '/v2/health/live', '/v2/health/live', 200],
      ['GET', '/v2/health/ready', '/v2/health/ready', 200],
      ['GET', '/v2', '/v2', 200],
      ['GET', T, model, 200],
      ['GET', T, '/v2/models/other', 404],
      ['GET', V, versioned, 200],
      ['GET', V, `${model}/versions/0.0.1`, 404],
      ['GET', `${T}/ready`, `${model}/ready`, 200],
      ['GET', `${T}/ready`, '/v2/models/other/ready', 404],
      ['GET', `${V}/ready`, `${versioned}/ready`, 200],
      ['POST', `${T}/infer`, `${model}/infer`, 200, { id: 'a', inputs: tensors(records) }],
      ['POST', `${T}/infer`, `${model}/infer`, 200, { inputs: tensors(odd()) }],
      ['POST', `${T}/infer`, `${model}/infer`, 400, { inputs: 'x' }],
      ['POST', `${T}/infer`, `${model}/infer`, 422, { inputs: tensors(odd()) }, { strict: true }],
      ...bodyErrors(`${T}/infer`, `${model}/infer`),
      ['POST', `${V}/infer`, `${versioned}/infer`, 200, { inputs: tensors(records) }],
      ['POST', `${V}/infer`, `${model}/versions/2.0.0/infer`, 404, { inputs: [] }],
    ]);
  });

  it('describes the answers of the TensorFlow Serving routes', async () => {
    const model = `/v1/models/${MODEL}`;
    const versioned = `${model}/versions/${version}`;
    const T = '/v1/models/{name}';
    const V = '/v1/models/{name}/versions/{version}';
    const inputs = Object.fromEntries(
      served.model.features.map((f) => [f.name, records.map((r) => r[f.name])]),
    );
    await run([
      ['GET', T, model, 200],
      ['GET', T, '/v1/models/other', 404],
      ['GET', V, versioned, 200],
      ['GET', `${T}/metadata`, `${model}/metadata`, 200],
      ['GET', `${V}/metadata`, `${versioned}/metadata`, 200],
      ['GET', `${V}/metadata`, `${model}/versions/3/metadata`, 404],
      ['POST', `${T}:predict`, `${model}:predict`, 200, { instances: records }],
      ['POST', `${T}:predict`, `${model}:predict`, 200, { inputs }],
      ['POST', `${T}:predict`, `${model}:predict`, 200, { instances: odd() }],
      ['POST', `${T}:predict`, `${model}:predict`, 400, { instances: [1] }],
      ['POST', `${T}:predict`, `${model}:predict`, 400, { instances: odd() }, { strict: true }],
      ['POST', `${T}:predict`, '/v1/models/other:predict', 404, {}],
      ...bodyErrors(`${T}:predict`, `${model}:predict`),
      ['POST', `${V}:predict`, `${versioned}:predict`, 200, { instances: records }],
    ]);
  });

  it('describes the answers of the MLflow routes', async () => {
    const csv = `${served.model.features.map((f) => f.name).join(',')}\n`;
    const P = '/invocations';
    await run([
      ['GET', '/ping', '/ping', 200],
      ['POST', P, P, 200, { dataframe_records: records }],
      ['POST', P, P, 200, { instances: odd() }],
      ['POST', P, P, 200, csv, { type: 'text/csv' }],
      ['POST', P, P, 400, { rows: [] }],
      ['POST', P, P, 400, { instances: odd() }, { strict: true }],
      ...bodyErrors(P, P),
    ]);
  });

  it('describes the 408 of every route that reads a body', async () => {
    const routes: [string, string][] = [
      ['/predict', '/predict'],
      [`/v2/models/${MODEL}/infer`, '/v2/models/{name}/infer'],
      [`/v1/models/${MODEL}:predict`, '/v1/models/{name}:predict'],
      ['/invocations', '/invocations'],
    ];
    for (const [path, template] of routes) {
      const answer = await stall(`${served.server.url}${path}`);
      expect(answer.status).toBe(408);
      checker.check('POST', template, answer);
    }
  });

  it('describes GET /metrics as the Prometheus text format', async () => {
    const response = await fetch(`${served.server.url}/metrics`);
    const type = response.headers.get('content-type') ?? '';
    expect(response.status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    checker.checkText('GET', '/metrics', 200, type);
    const samples = (await response.text())
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'));
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) expect(sample).toMatch(/^[a-z_]+(\{.*\})? (-?[\d.e+-]+|NaN)$/);
  });

  it('describes the reload status of a followed model in /health, /ping and the model metadata', async () => {
    const slot = new ModelSlot(served.model);
    const at = new Date(0).toISOString();
    slot.reload = {
      following: true,
      intervalMs: 100,
      state: 'refused',
      checkedAt: at,
      production: '1.2.0',
      lastReload: { from: '0.9.0', to: version, at },
      lastRefusal: { version: '1.2.0', at, error: 'ChecksumMismatchError', message: 'tampered' },
    };
    const following = await startServer({ ...LIMITS, slots: [slot] });
    try {
      const health = await call(`${following.url}/health`, 'GET');
      checker.check('GET', '/health', health);
      expect(health.body).toMatchObject({ reload: { state: 'refused' } });
      checker.check('GET', '/ping', await call(`${following.url}/ping`, 'GET'));
      const metadata = await call(`${following.url}/v2/models/${MODEL}`, 'GET');
      checker.check('GET', '/v2/models/{name}', metadata);
      expect(metadata.body).toMatchObject({
        parameters: { reload_state: 'refused', reload_refused_version: '1.2.0' },
      });
    } finally {
      await following.close();
    }
  });

  it('has every one of its operations exercised above', () => {
    expect(checker.operations().filter((operation) => !checker.seen.has(operation))).toEqual([]);
  });
});
