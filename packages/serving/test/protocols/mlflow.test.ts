import type { FeatureRecord } from '@repo/features';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  expectSameNumbers,
  referencePredictions,
  type ServedRelease,
  serveHousePrices,
} from '../served-release';

let served: ServedRelease;
let url: string;

beforeAll(async () => {
  served = await serveHousePrices();
  url = `${served.server.url}/invocations`;
});
afterAll(() => served?.stop());

const names = () => served.model.features.map((f) => f.name);

/** What `pandas.DataFrame.to_csv(index=False)` writes: missing values as empty fields. */
function csv(records: readonly FeatureRecord[]): string {
  const cell = (value: unknown) =>
    value === null || value === undefined
      ? ''
      : /[",\n]/.test(String(value))
        ? `"${String(value).replaceAll('"', '""')}"`
        : String(value);
  const rows = records.map((r) =>
    names()
      .map((name) => cell(r[name]))
      .join(','),
  );
  return `${names().join(',')}\n${rows.join('\n')}\n`;
}

describe("the MLflow scoring server's routes", () => {
  it('answer GET /ping and GET /health with 200', async () => {
    expect((await call(`${served.server.url}/ping`, 'GET')).status).toBe(200);
    expect((await call(`${served.server.url}/health`, 'GET')).status).toBe(200);
  });

  it('score each JSON format of the documentation with the numbers of /predict', async () => {
    const records = served.records(5);
    const expected = await referencePredictions(served.server, records);
    const bodies = [
      {
        dataframe_split: {
          columns: names(),
          data: records.map((r) => names().map((name) => r[name])),
        },
      },
      {
        dataframe_split: {
          index: [0, 1, 2, 3, 4],
          columns: names(),
          data: records.map((r) => names().map((name) => r[name])),
        },
        params: { ignored: true },
      },
      { dataframe_records: records },
      { instances: records },
      { inputs: Object.fromEntries(names().map((name) => [name, records.map((r) => r[name])])) },
    ];
    for (const body of bodies) {
      const answer = await call(url, 'POST', body);
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.body as object)).toEqual(['predictions']);
      expectSameNumbers((answer.body as { predictions: number[] }).predictions, expected);
    }
  });

  it('score a text/csv body with the numbers of /predict, missing values as empty fields', async () => {
    const records = served.records(8);
    const expected = await referencePredictions(served.server, records);
    for (const type of ['text/csv', 'text/csv; charset=utf-8']) {
      const answer = await call(url, 'POST', csv(records), type);
      expect(answer.status).toBe(200);
      expectSameNumbers((answer.body as { predictions: number[] }).predictions, expected);
    }
  });

  it('add a top-level warnings array aligned with the rows', async () => {
    const [a, b] = served.records(2);
    const answer = await call(
      url,
      'POST',
      csv([a as FeatureRecord, { ...b, neighborhood: 'Atlantis' }]),
      'text/csv',
    );
    expect(answer.status).toBe(200);
    expect((answer.body as { warnings: unknown }).warnings).toEqual([
      [],
      [expect.objectContaining({ field: 'neighborhood', kind: 'unseen-category' })],
    ]);
  });

  it('answer 400 BAD_REQUEST naming the record and field of a bad value', async () => {
    const records = served.records(3);
    const text = csv(records).replace(/\n([^,\n]*),/, '\nlarge,');
    const answer = await call(url, 'POST', text, 'text/csv');
    expect(answer).toMatchObject({
      status: 400,
      body: {
        error_code: 'BAD_REQUEST',
        message: expect.stringMatching(/record 0.*"sqft_living"/),
      },
    });
    const { property_type: _dropped, ...partial } = records[2] as Record<string, unknown>;
    const missing = await call(url, 'POST', {
      dataframe_records: [records[0], records[1], partial],
    });
    expect(missing).toMatchObject({
      status: 400,
      body: {
        error_code: 'BAD_REQUEST',
        message: expect.stringMatching(/record 2.*"property_type"/),
      },
    });
  });

  it('answer 400 BAD_REQUEST for a body without exactly one input format', async () => {
    const records = served.records(1);
    for (const body of [
      { records },
      { instances: records, inputs: {} },
      [records],
      { dataframe_split: { data: [] } },
    ]) {
      const answer = await call(url, 'POST', body);
      expect(answer).toMatchObject({
        status: 400,
        body: { error_code: 'BAD_REQUEST', message: expect.any(String) },
      });
    }
  });

  it('answer 415 for a content type other than JSON or CSV, or a charset other than UTF-8', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'text/csv; charset=latin-1',
    ]) {
      const answer = await call(url, 'POST', 'a,b\n1,2\n', type);
      expect(answer).toMatchObject({ status: 415, body: { error_code: 'BAD_REQUEST' } });
    }
  });
});
