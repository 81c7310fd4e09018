import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AccessLog, openAccessLog } from '../src/access-log';
import { AccessLogError } from '../src/errors';
import { MODEL } from './release-fixture';
import { call, serveHousePrices } from './served-release';

describe('the access log', () => {
  it('refuses a file in a folder that does not exist', () => {
    expect(() => openAccessLog('/nonexistent-folder/access.jsonl')).toThrow(AccessLogError);
  });

  it('writes one JSON line per request, with its route, status, model, version and duration', async () => {
    const stream = new PassThrough();
    let text = '';
    stream.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
    });
    const served = await serveHousePrices({ accessLog: new AccessLog(stream) });
    try {
      const url = served.server.url;
      await call(`${url}/predict`, 'POST', { records: served.records(2) });
      await fetch(`${url}/v2/models/${MODEL}/ready`, { headers: { 'x-request-id': 'r-42' } });
      await call(`${url}/nowhere`, 'GET');
    } finally {
      await served.stop();
    }
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      method: 'POST',
      path: '/predict',
      route: '/predict',
      status: 200,
      model: MODEL,
      version: '1.0.0',
      remote: '127.0.0.1',
    });
    expect(lines[0]?.durationMs).toBeGreaterThan(0);
    expect(lines[0]?.bytes).toBeGreaterThan(0);
    expect(lines[1]).toMatchObject({ route: '/v2/models/{name}/ready', requestId: 'r-42' });
    expect(lines[2]).toMatchObject({ route: 'unmatched', status: 404 });
    expect(lines[2]).not.toHaveProperty('model');
  });
});
