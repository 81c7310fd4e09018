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
    expect(await response.json()).toEqual({
      status: 'ok',
      model: MODEL,
      version: release.version,
      tag: `${MODEL}@v${release.version}`,
      backend: 'wasm',
    });
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

  it('stops listening when closed', async () => {
    const other = await startServer({ model: served });
    expect((await fetch(`${other.url}/health`)).status).toBe(200);
    await other.close();
    await expect(fetch(`${other.url}/health`)).rejects.toThrow();
  });
});
