import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidRecordError, ModelNotServedError } from '../src/errors';
import { createRouter, type RouteFamily } from '../src/router';
import { call } from './served-release';

const logged: string[] = [];
let server: Server;
let url: string;

/** A family whose errors are `{ "oops": message }`, owning `/a/…`. */
const family: RouteFamily = {
  name: 'a',
  owns: (path) => path.startsWith('/a/'),
  fail: ({ status, message }) => ({ status, body: { oops: message } }),
  routes: [
    {
      method: 'GET',
      pattern: /^\/a\/item\/([^/]+)$/,
      template: '/a/item/{id}',
      handle: ({ params }) => ({ status: 200, body: { item: params[0] } }),
    },
    {
      method: 'POST',
      pattern: /^\/a\/item\/([^/]+)$/,
      template: '/a/item/{id}',
      handle: () => ({ status: 201, body: {} }),
    },
    {
      method: 'GET',
      pattern: /^\/a\/record$/,
      template: '/a/record',
      handle: () => {
        throw new InvalidRecordError('record 3: bad', 3, 'x');
      },
    },
    {
      method: 'GET',
      pattern: /^\/a\/model$/,
      template: '/a/model',
      handle: () => {
        throw new ModelNotServedError('no such model', 'm', '');
      },
    },
    {
      method: 'GET',
      pattern: /^\/a\/bug$/,
      template: '/a/bug',
      handle: () => {
        throw new Error('secret detail');
      },
    },
  ],
};
const fallback: RouteFamily = {
  name: 'rest',
  owns: () => true,
  fail: ({ status, code }) => ({ status, body: { code } }),
  routes: [],
};

beforeAll(async () => {
  const listener = createRouter([family, fallback], { maxBytes: 100, timeoutMs: 1000 }, (line) =>
    logged.push(line),
  );
  server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createRouter', () => {
  it('dispatches by path and method, passing the groups the pattern captured', async () => {
    expect(await call(`${url}/a/item/42`, 'GET')).toMatchObject({
      status: 200,
      body: { item: '42' },
    });
    expect((await call(`${url}/a/item/42`, 'POST', {})).status).toBe(201);
  });

  it('decodes the path before matching', async () => {
    expect((await call(`${url}/a/item/x%20y`, 'GET')).body).toEqual({ item: 'x y' });
  });

  it("answers 404 and 405 (with allow) in the owning family's shape", async () => {
    expect(await call(`${url}/a/nothing`, 'GET')).toMatchObject({
      status: 404,
      body: { oops: expect.any(String) },
    });
    const response = await fetch(`${url}/a/item/1`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect(await call(`${url}/elsewhere`, 'GET')).toEqual({
      status: 404,
      type: 'application/json; charset=utf-8',
      body: { code: 'not-found' },
    });
  });

  it('answers known failures with their status and unexpected ones with a logged 500', async () => {
    expect(await call(`${url}/a/record`, 'GET')).toMatchObject({
      status: 400,
      body: { oops: 'record 3: bad' },
    });
    expect((await call(`${url}/a/model`, 'GET')).status).toBe(404);
    const bug = await call(`${url}/a/bug`, 'GET');
    expect(bug).toMatchObject({ status: 500, body: { oops: 'internal error while predicting' } });
    expect(logged).toEqual(['GET /a/bug: 500 secret detail']);
  });
});
