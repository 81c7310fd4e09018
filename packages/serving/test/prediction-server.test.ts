import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRelease } from '../src/load-release';
import type { LoadedModel } from '../src/loaded-model';
import { type RunningServer, startServer } from '../src/prediction-server';
import {
  cacheDir,
  MODEL,
  type PublishedRelease,
  publishHousePrices,
  recordsOf,
  removeTemporaryDirs,
} from './release-fixture';

let release: PublishedRelease;
let served: LoadedModel;
let server: RunningServer;
const MAX_BODY = 64 * 1024;

beforeAll(async () => {
  release = await publishHousePrices();
  served = await loadRelease(release.registry, MODEL, 'production', {
    cacheDir: await cacheDir(),
    backend: 'wasm',
  });
  server = await startServer({ model: served, maxBodyBytes: MAX_BODY });
});

afterAll(async () => {
  await server?.close();
  served?.dispose();
  await removeTemporaryDirs();
});

function post(path: string, body: string) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
}

/** A chunked body (no content-length), sent with `node:http` so that nothing buffers it first. */
function postChunked(path: string, chunks: readonly string[]) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method: 'POST' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('startServer', () => {
  it('listens on a free loopback port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('answers GET /health with the served release', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const served = {
      model: MODEL,
      version: release.version,
      tag: `${MODEL}@v${release.version}`,
      backend: 'wasm',
    };
    expect(await response.json()).toEqual({ status: 'ok', ...served, models: [served] });
  });

  it('answers POST /predict with the predictions of the loaded model', async () => {
    const records = recordsOf(release.data, release.data.split.test.subarray(0, 25));
    const response = await post('/predict', JSON.stringify({ records }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      model: string;
      version: string;
      predictions: number[];
    };
    expect(body.model).toBe(MODEL);
    expect(body.version).toBe(release.version);
    const expected = served.predict(records).predictions;
    expect(body.predictions).toHaveLength(25);
    body.predictions.forEach((value, i) => {
      expect(value).toBe(expected[i]);
    });
  });

  it('answers an empty list of records with no predictions', async () => {
    const response = await post('/predict', '{"records": []}');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { predictions: number[] }).predictions).toEqual([]);
  });

  it('rejects a record with a wrong type with 400 naming the record and field', async () => {
    const records = recordsOf(release.data, release.data.split.test.subarray(0, 3));
    const bad = [records[0], records[1], { ...records[2], sqft_living: '1800' }];
    const response = await post('/predict', JSON.stringify({ records: bad }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ code: 'invalid-record', record: 2, field: 'sqft_living' });
    expect(body.error.message).toMatch(/record 2.*"sqft_living".*the string "1800"/);
  });

  it('rejects a record that lacks a feature with 400 naming it', async () => {
    const [record] = recordsOf(release.data, release.data.split.test.subarray(0, 1));
    const { property_type: _dropped, ...partial } = record as Record<string, unknown>;
    const response = await post('/predict', JSON.stringify({ records: [partial] }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'invalid-record', record: 0, field: 'property_type' },
    });
  });

  it('rejects a body that is not JSON or has no records list with 400', async () => {
    for (const body of ['{"records": [', '[1, 2]', '{"rows": []}', '{"records": {}}']) {
      const response = await post('/predict', body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'invalid-json',
      );
    }
  });

  it('rejects a body over the limit with 413, by content-length and while streaming', async () => {
    const big = JSON.stringify({ records: [], padding: 'x'.repeat(MAX_BODY) });
    const declared = await post('/predict', big);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: { code: 'too-large' } });

    const chunk = 'x'.repeat(16 * 1024);
    const streamed = await postChunked('/predict', [
      '{"padding":"',
      ...Array.from({ length: 20 }, () => chunk),
    ]);
    expect(streamed.status).toBe(413);
    // Just under the limit is still read.
    const under = await postChunked('/predict', ['{"records": [], ', `"p": "${chunk}"}`]);
    expect(under.status).toBe(200);
  });

  it('answers 404 for other paths and 405 for other methods', async () => {
    expect((await fetch(`${server.url}/`)).status).toBe(404);
    expect((await post('/predict/x', '{}')).status).toBe(404);
    const get = await fetch(`${server.url}/predict`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('returns warnings aligned with the predictions for out-of-range values and unseen categories', async () => {
    const records = recordsOf(release.data, release.data.split.test.subarray(0, 3));
    const odd = [records[0], { ...records[1], floors: 0, neighborhood: 'Atlantis' }, records[2]];
    const response = await post('/predict', JSON.stringify({ records: odd }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { predictions: number[]; warnings: unknown[][] };
    expect(body.predictions).toHaveLength(3);
    expect(body.warnings).toEqual([
      [],
      [
        {
          field: 'floors',
          kind: 'out-of-range',
          message: '"floors" is 0, outside the declared range [1, 5]',
        },
        {
          field: 'neighborhood',
          kind: 'unseen-category',
          message: '"neighborhood" is "Atlantis", a category not seen in training',
        },
      ],
      [],
    ]);
    const clean = await post('/predict', JSON.stringify({ records }));
    expect(Object.keys((await clean.json()) as object)).toEqual([
      'model',
      'version',
      'predictions',
    ]);
  });

  it('rejects them with 422 naming the record and field when told to reject', async () => {
    const strict = await startServer({ model: served, onInvalid: 'reject' });
    try {
      const records = recordsOf(release.data, release.data.split.test.subarray(0, 3));
      const odd = [records[0], records[1], { ...records[2], year_built: 1700 }];
      const response = await fetch(`${strict.url}/predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ records: odd }),
      });
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({
        error: {
          code: 'rejected-record',
          message: 'record 2: "year_built" is 1700, outside the declared range [1850, 2030]',
          record: 2,
          field: 'year_built',
        },
      });
    } finally {
      await strict.close();
    }
  });

  it('never answers a non-finite prediction: 422 naming the record', async () => {
    const [record] = recordsOf(release.data, release.data.split.test.subarray(0, 1));
    const response = await post(
      '/predict',
      JSON.stringify({ records: [record, { ...record, sqft_living: 1e10 }] }),
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      error: { code: 'non-finite-prediction', record: 1 },
    });
  });

  it('answers 415 for a content type other than JSON', async () => {
    for (const type of ['text/plain', 'application/json; charset=latin-1']) {
      const response = await fetch(`${server.url}/predict`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: '{"records": []}',
      });
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ error: { code: 'unsupported-media-type' } });
    }
  });

  it('answers 408 when the body does not arrive within the request timeout', async () => {
    const slow = await startServer({ model: served, requestTimeoutMs: 200 });
    try {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${slow.url}/predict`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': '100' },
        });
        req.on('response', (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            body += chunk;
          });
          res.on('end', () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, body });
          });
        });
        req.on('error', reject);
        req.write('{"records": [');
      });
      expect(answer.status).toBe(408);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'timeout' } });
    } finally {
      await slow.close();
    }
  });

  it('serves its OpenAPI description at GET /openapi.json', async () => {
    const response = await fetch(`${server.url}/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/predict',
        '/v2/models/{name}/infer',
        '/v1/models/{name}:predict',
        '/invocations',
      ]),
    );
  });

  it('stops listening when closed', async () => {
    const other = await startServer({ model: served });
    expect((await fetch(`${other.url}/health`)).status).toBe(200);
    await other.close();
    await expect(fetch(`${other.url}/health`)).rejects.toThrow();
  });
});
