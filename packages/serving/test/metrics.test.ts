import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sample, sampleSum, samplesOf, scrape } from './prometheus-text';
import { MODEL } from './release-fixture';
import { call, type ServedRelease, serveHousePrices } from './served-release';

let served: ServedRelease;
let samples: Sample[];
let version: string;
let predicted: number[] = [];

beforeAll(async () => {
  served = await serveHousePrices();
  version = served.model.version;
  const url = served.server.url;
  const records = served.records(2);
  for (let i = 0; i < 3; i++) {
    const answer = await call(`${url}/predict`, 'POST', { records });
    predicted = predicted.concat((answer.body as { predictions: number[] }).predictions);
  }
  expect((await call(`${url}/predict`, 'POST', { records: [{}] })).status).toBe(400);
  const instances = await call(`${url}/v1/models/${MODEL}:predict`, 'POST', { instances: records });
  predicted = predicted.concat((instances.body as { predictions: number[] }).predictions);
  expect((await call(`${url}/nowhere`, 'GET')).status).toBe(404);
  samples = await scrape(url);
});
afterAll(() => served?.stop());

describe('GET /metrics', () => {
  it('counts requests by route template, model, version and status', () => {
    const predict = { route: '/predict', model: MODEL, version };
    expect(sampleSum(samples, 'mlops_http_requests_total', { ...predict, status: '200' })).toBe(3);
    expect(sampleSum(samples, 'mlops_http_requests_total', { ...predict, status: '400' })).toBe(1);
    const tf = { route: '/v1/models/{name}:predict', model: MODEL, version, status: '200' };
    expect(sampleSum(samples, 'mlops_http_requests_total', tf)).toBe(1);
    const unmatched = { route: 'unmatched', model: '', version: '', status: '404' };
    expect(sampleSum(samples, 'mlops_http_requests_total', unmatched)).toBe(1);
  });

  it('has a latency histogram per route, model and version, with cumulative buckets', () => {
    const labels = { route: '/predict', model: MODEL, version };
    const buckets = samplesOf(samples, 'mlops_http_request_duration_seconds_bucket', labels);
    expect(buckets.length).toBeGreaterThan(5);
    const counts = buckets.map((bucket) => bucket.value);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(buckets.find((bucket) => bucket.labels.le === '+Inf')?.value).toBe(4);
    expect(sampleSum(samples, 'mlops_http_request_duration_seconds_count', labels)).toBe(4);
    expect(sampleSum(samples, 'mlops_http_request_duration_seconds_sum', labels)).toBeGreaterThan(
      0,
    );
  });

  it('counts the request being answered as in flight', () => {
    expect(sampleSum(samples, 'mlops_http_requests_in_flight')).toBe(1);
  });

  it('has a histogram of the predicted values per model and version', () => {
    const labels = { model: MODEL, version };
    expect(sampleSum(samples, 'mlops_prediction_value_count', labels)).toBe(predicted.length);
    const sum = predicted.reduce((total, value) => total + value, 0);
    expect(sampleSum(samples, 'mlops_prediction_value_sum', labels)).toBeCloseTo(sum, 0);
    const inf = samplesOf(samples, 'mlops_prediction_value_bucket', { ...labels, le: '+Inf' });
    expect(inf.map((bucket) => bucket.value)).toEqual([predicted.length]);
  });

  it('says which version of the model is served, as an info gauge', () => {
    expect(samplesOf(samples, 'mlops_model_info')).toEqual([
      { name: 'mlops_model_info', labels: { model: MODEL, version }, value: 1 },
    ]);
  });

  it('declares the reload counters at zero before any reload', async () => {
    const text = await (await fetch(`${served.server.url}/metrics`)).text();
    expect(text).toContain('# TYPE mlops_model_reloads_total counter');
    expect(text).toContain('# TYPE mlops_model_reload_failures_total counter');
  });
});
