import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { shutdownGracefully } from '../src/shutdown';
import { removeTemporaryDirs } from './release-fixture';
import { serveHousePrices } from './served-release';
import { slowPost, untilInFlight } from './slow-request';

afterAll(() => removeTemporaryDirs());

describe('shutdownGracefully', () => {
  it('stops accepting and waits for the request in flight to be answered', async () => {
    const served = await serveHousePrices();
    const { url } = served.server;
    const slow = slowPost(`${url}/predict`, JSON.stringify({ records: served.records(1) }));
    await untilInFlight(url, 1);
    const stopping = shutdownGracefully({ server: served.server }, 5000);
    await sleep(50);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    slow.finish();
    expect((await slow.answer).status).toBe(200);
    expect(await stopping).toEqual({ drained: true, logFlushed: true });
  });

  it('cuts the requests still in flight after the grace period', async () => {
    const served = await serveHousePrices();
    const { url } = served.server;
    const slow = slowPost(`${url}/predict`, JSON.stringify({ records: served.records(1) }));
    await untilInFlight(url, 1);
    const started = Date.now();
    expect(await shutdownGracefully({ server: served.server }, 200)).toEqual({
      drained: false,
      logFlushed: true,
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect((await slow.answer).status).toBe(0);
  });
});
