import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL } from '../release-fixture';
import {
  call,
  expectSameNumbers,
  referencePredictions,
  type ServedRelease,
  serveHousePrices,
} from '../served-release';

let served: ServedRelease;
let base: string;

beforeAll(async () => {
  served = await serveHousePrices();
  base = `${served.server.url}/v1/models/${MODEL}`;
});
afterAll(() => served?.stop());

function columns(records: readonly Record<string, unknown>[]) {
  return Object.fromEntries(
    served.model.features.map((f) => [f.name, records.map((r) => r[f.name] ?? null)]),
  );
}

describe('the TensorFlow Serving REST routes', () => {
  it('report the loaded version AVAILABLE, as in the documentation example', async () => {
    for (const url of [base, `${base}/versions/${served.model.version}`]) {
      expect(await call(url, 'GET')).toMatchObject({
        status: 200,
        body: {
          model_version_status: [
            {
              version: served.model.version,
              state: 'AVAILABLE',
              status: { error_code: 'OK', error_message: '' },
            },
          ],
        },
      });
    }
  });

  it('describe the serving_default signature: one input per feature, strings for categorical ones', async () => {
    const answer = await call(`${base}/metadata`, 'GET');
    expect(answer.status).toBe(200);
    const body = answer.body as {
      model_spec: unknown;
      metadata: {
        signature_def: {
          signature_def: Record<string, { inputs: Record<string, { dtype: string }> }>;
        };
      };
    };
    expect(body.model_spec).toEqual({
      name: MODEL,
      signature_name: '',
      version: served.model.version,
    });
    const signature = body.metadata.signature_def.signature_def.serving_default;
    expect(Object.keys(signature?.inputs ?? {})).toEqual(served.model.features.map((f) => f.name));
    expect(signature?.inputs.neighborhood?.dtype).toBe('DT_STRING');
    expect(signature?.inputs.lat?.dtype).toBe('DT_DOUBLE');
    const versioned = await call(`${base}/versions/${served.model.version}/metadata`, 'GET');
    expect(versioned.body).toEqual(body);
  });

  it('predict instances (row format) with the numbers of /predict', async () => {
    const records = served.records(5);
    const expected = await referencePredictions(served.server, records);
    const answer = await call(`${base}:predict`, 'POST', { instances: records });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body as object)).toEqual(['predictions']);
    expectSameNumbers((answer.body as { predictions: number[] }).predictions, expected);

    // Named inputs of shape [1] per instance, the signature named, the version in the URL.
    const wrapped = records.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [v]])),
    );
    const again = await call(`${base}/versions/${served.model.version}:predict`, 'POST', {
      signature_name: 'serving_default',
      instances: wrapped,
    });
    expect(again.status).toBe(200);
    expectSameNumbers((again.body as { predictions: number[] }).predictions, expected);
  });

  it('predict inputs (columnar format) as outputs, with the numbers of /predict', async () => {
    const records = served.records(4);
    const expected = await referencePredictions(served.server, records);
    const answer = await call(`${base}:predict`, 'POST', { inputs: columns(records) });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body as object)).toEqual(['outputs']);
    expectSameNumbers((answer.body as { outputs: number[] }).outputs, expected);
  });

  it('add a top-level warnings array aligned with the instances', async () => {
    const [a, b] = served.records(2);
    const answer = await call(`${base}:predict`, 'POST', {
      instances: [{ ...a, lat: 10 }, b],
    });
    expect(answer.status).toBe(200);
    const body = answer.body as {
      predictions: number[];
      warnings: { field: string; kind: string }[][];
    };
    expect(body.predictions).toHaveLength(2);
    expect(body.warnings).toEqual([
      [expect.objectContaining({ field: 'lat', kind: 'out-of-range' })],
      [],
    ]);
  });

  it('answer 404 {"error"} for another model or a version that is not loaded', async () => {
    const urls = [
      `${served.server.url}/v1/models/half`,
      `${base}/versions/2.0.0`,
      `${base}/versions/1/metadata`,
    ];
    for (const url of urls) {
      const answer = await call(url, 'GET');
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: expect.any(String) });
    }
    const predict = await call(`${served.server.url}/v1/models/half:predict`, 'POST', {
      instances: [1.0, 5.0],
    });
    expect(predict).toMatchObject({
      status: 404,
      body: { error: expect.stringMatching(/"half"/) },
    });
  });

  it('answer 400 {"error"} for a bad request, naming the record and field of a bad value', async () => {
    const records = served.records(2);
    const both = await call(`${base}:predict`, 'POST', {
      instances: records,
      inputs: columns(records),
    });
    expect(both).toMatchObject({ status: 400, body: { error: expect.stringMatching(/not both/) } });
    const neither = await call(`${base}:predict`, 'POST', { examples: records });
    expect(neither.status).toBe(400);
    const signature = await call(`${base}:predict`, 'POST', {
      signature_name: 'x',
      instances: records,
    });
    expect(signature.status).toBe(400);
    const scalars = await call(`${base}:predict`, 'POST', { instances: [1.0, 2.0, 5.0] });
    expect(scalars).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/record 0/) },
    });
    const bad = await call(`${base}:predict`, 'POST', {
      instances: [records[0], { ...records[1], condition: 'good' }],
    });
    expect(bad).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/record 1.*"condition"/) },
    });
    const { bathrooms: _dropped, ...partial } = columns(records);
    const missing = await call(`${base}:predict`, 'POST', { inputs: partial });
    expect(missing).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/"bathrooms"/) },
    });
  });

  it('answer 415 for a content type that is not JSON', async () => {
    const answer = await call(`${base}:predict`, 'POST', '{"instances": []}', 'text/plain');
    expect(answer).toMatchObject({ status: 415, body: { error: expect.any(String) } });
  });
});
