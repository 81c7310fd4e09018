import type { FeatureRecord } from '@repo/features';
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
  base = `${served.server.url}/v2`;
});
afterAll(() => served?.stop());

/** One input tensor per feature, as the protocol's example request has one per input. */
function tensors(records: readonly FeatureRecord[], nested: boolean) {
  return served.model.features.map((feature) => {
    const values = records.map((record) => record[feature.name] ?? null);
    return {
      name: feature.name,
      shape: [records.length, 1],
      datatype: feature.kind === 'numeric' ? 'FP32' : 'BYTES',
      data: nested ? values.map((value) => [value]) : values,
    };
  });
}

interface InferResponse {
  model_name: string;
  model_version: string;
  id?: string;
  parameters?: Record<string, unknown>;
  outputs: { name: string; shape: number[]; datatype: string; data: number[] }[];
}

describe('the Open Inference Protocol v2 routes', () => {
  it('answer the health probes and the server metadata', async () => {
    expect(await call(`${base}/health/live`, 'GET')).toMatchObject({
      status: 200,
      body: { live: true },
    });
    expect(await call(`${base}/health/ready`, 'GET')).toMatchObject({
      status: 200,
      body: { ready: true },
    });
    const metadata = await call(base, 'GET');
    expect(metadata.status).toBe(200);
    expect(metadata.body).toMatchObject({
      name: expect.any(String),
      version: expect.any(String),
      extensions: [],
    });
  });

  it('describe the model: one [-1, 1] input per feature, BYTES for categorical ones, one FP64 output', async () => {
    for (const path of [`/models/${MODEL}`, `/models/${MODEL}/versions/${served.model.version}`]) {
      const answer = await call(`${base}${path}`, 'GET');
      expect(answer.status).toBe(200);
      const body = answer.body as { inputs: { name: string; datatype: string; shape: number[] }[] };
      expect(body).toMatchObject({
        name: MODEL,
        versions: [served.model.version],
        outputs: [{ name: 'price', datatype: 'FP64', shape: [-1, 1] }],
      });
      expect(body.inputs.map((input) => input.name)).toEqual(
        served.model.inputSchema.map((field) => field.name),
      );
      expect(body.inputs.find((input) => input.name === 'neighborhood')).toEqual({
        name: 'neighborhood',
        datatype: 'BYTES',
        shape: [-1, 1],
      });
      expect(body.inputs.find((input) => input.name === 'sqft_living')?.datatype).toBe('FP64');
    }
  });

  it('say the loaded model is ready, with or without its version', async () => {
    for (const path of [
      `/models/${MODEL}/ready`,
      `/models/${MODEL}/versions/${served.model.version}/ready`,
    ]) {
      expect(await call(`${base}${path}`, 'GET')).toMatchObject({
        status: 200,
        body: { name: MODEL, ready: true },
      });
    }
  });

  it('infer like the protocol example (id echoed, named output) with the numbers of /predict', async () => {
    const records = served.records(6);
    const expected = await referencePredictions(served.server, records);
    for (const nested of [false, true]) {
      const answer = await call(`${base}/models/${MODEL}/infer`, 'POST', {
        id: '42',
        inputs: tensors(records, nested),
        outputs: [{ name: 'price' }],
      });
      expect(answer.status).toBe(200);
      const body = answer.body as InferResponse;
      expect(body).toMatchObject({
        model_name: MODEL,
        model_version: served.model.version,
        id: '42',
      });
      expect(body.parameters).toBeUndefined();
      expect(body.outputs).toHaveLength(1);
      expect(body.outputs[0]).toMatchObject({ name: 'price', shape: [6, 1], datatype: 'FP64' });
      expectSameNumbers(body.outputs[0]?.data, expected);
    }
  });

  it('accept shape [n], any numeric datatype, parameters, and the version in the URL', async () => {
    const records = served.records(3);
    const expected = await referencePredictions(served.server, records);
    const inputs = tensors(records, false).map((input) => ({
      ...input,
      shape: [3],
      datatype: input.datatype === 'BYTES' ? 'BYTES' : 'FP64',
      parameters: { content_type: input.datatype === 'BYTES' ? 'str' : 'np' },
    }));
    const answer = await call(
      `${base}/models/${MODEL}/versions/${served.model.version}/infer`,
      'POST',
      {
        parameters: { custom: true },
        inputs,
      },
    );
    expect(answer.status).toBe(200);
    expect((answer.body as InferResponse).id).toBeUndefined();
    expectSameNumbers((answer.body as InferResponse).outputs[0]?.data, expected);
  });

  it('report out-of-range values and unseen categories in the response parameters', async () => {
    const [record] = served.records(1);
    const odd = { ...record, bedrooms: 40, property_type: 'castle' };
    const answer = await call(`${base}/models/${MODEL}/infer`, 'POST', {
      inputs: tensors([record as FeatureRecord, odd], false),
    });
    expect(answer.status).toBe(200);
    const parameters = (answer.body as InferResponse).parameters as { warnings: string };
    const warnings = JSON.parse(parameters.warnings);
    expect(warnings[0]).toEqual([]);
    expect(warnings[1].map((w: { field: string }) => w.field)).toEqual([
      'bedrooms',
      'property_type',
    ]);
  });

  it('answer 404 {"error"} for another model or a version that is not loaded', async () => {
    for (const path of [
      '/models/other',
      '/models/other/ready',
      `/models/${MODEL}/versions/9.9.9`,
    ]) {
      const answer = await call(`${base}${path}`, 'GET');
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: expect.stringMatching(/not (served|loaded)/) });
    }
    const infer = await call(`${base}/models/${MODEL}/versions/0.1.0/infer`, 'POST', {
      inputs: [],
    });
    expect(infer.status).toBe(404);
  });

  it('answer 400 {"error"} naming the record and field of a bad value, or the tensor at fault', async () => {
    const records = served.records(3);
    const inputs = tensors(records, false);
    const sqft = inputs.find((input) => input.name === 'sqft_living');
    if (sqft !== undefined) sqft.data = [1200, 'big', 1500];
    const bad = await call(`${base}/models/${MODEL}/infer`, 'POST', { inputs });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: string }).error).toMatch(/record 1.*"sqft_living"/);

    const missing = await call(`${base}/models/${MODEL}/infer`, 'POST', {
      inputs: tensors(records, false).filter((input) => input.name !== 'floors'),
    });
    expect(missing.status).toBe(400);
    expect((missing.body as { error: string }).error).toMatch(/record 0.*"floors"/);

    const cases = [
      tensors(records, false).map((i) =>
        i.name === 'neighborhood' ? { ...i, datatype: 'FP32' } : i,
      ),
      tensors(records, false).map((i) => (i.name === 'bedrooms' ? { ...i, shape: [2, 1] } : i)),
      tensors(records, false).map((i) => (i.name === 'bedrooms' ? { ...i, shape: [3, 2] } : i)),
      [
        ...tensors(records, false),
        { name: 'pool', shape: [3], datatype: 'BOOL', data: [true, false, true] },
      ],
    ];
    for (const body of cases) {
      const answer = await call(`${base}/models/${MODEL}/infer`, 'POST', { inputs: body });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: expect.any(String) });
    }
    const output = await call(`${base}/models/${MODEL}/infer`, 'POST', {
      inputs: tensors(records, false),
      outputs: [{ name: 'output0' }],
    });
    expect(output.status).toBe(400);
  });

  it('answer 415 for a body that is not JSON and 405 for another method', async () => {
    const text = await call(`${base}/models/${MODEL}/infer`, 'POST', 'a,b', 'text/csv');
    expect(text).toMatchObject({ status: 415, body: { error: expect.any(String) } });
    const get = await call(`${base}/models/${MODEL}/infer`, 'GET');
    expect(get).toMatchObject({ status: 405, body: { error: expect.any(String) } });
  });
});
