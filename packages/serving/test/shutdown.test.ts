import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { shutdownGracefully } from '../src/shutdown';
import { sampleSum, scrape } from './prometheus-text';
import { removeTemporaryDirs } from './release-fixture';
import { serveHousePrices } from './served-release';

afterAll(() => removeTemporaryDirs());

/** Starts `POST /predict` with half its body; `finish` sends the rest. */
function slowPredict(url: string, body: string) {
  const bytes = Buffer.from(body);
  const req = request(`${url}/predict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) },
  });
  const answer = new Promise<number>((resolve) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
  });
  req.write(bytes.subarray(0, 5));
  return { answer, finish: () => req.end(bytes.subarray(5)) };
}

async function untilInFlight(url: string, count: number): Promise<void> {
  for (const deadline = Date.now() + 5000; Date.now() < deadline; await sleep(10)) {
    // The scrape itself is one of them.
    if (sampleSum(await scrape(url), 'mlops_http_requests_in_flight') === count + 1) return;
  }
  throw new Error(`never ${count} request(s) in flight`);
}

describe('shutdownGracefully', () => {
  it('stops accepting and waits for the request in flight to be answered', async () => {
    const served = await serveHousePrices();
    const { url } = served.server;
    const slow = slowPredict(url, JSON.stringify({ records: served.records(1) }));
    await untilInFlight(url, 1);
    const stopping = shutdownGracefully({ server: served.server }, 5000);
    await sleep(50);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    slow.finish();
    expect(await slow.answer).toBe(200);
    expect(await stopping).toEqual({ drained: true, logFlushed: true });
  });

  it('cuts the requests still in flight after the grace period', async () => {
    const served = await serveHousePrices();
    const { url } = served.server;
    const slow = slowPredict(url, JSON.stringify({ records: served.records(1) }));
    await untilInFlight(url, 1);
    const started = Date.now();
    expect(await shutdownGracefully({ server: served.server }, 200)).toEqual({
      drained: false,
      logFlushed: true,
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await slow.answer).toBe(0);
  });
});
