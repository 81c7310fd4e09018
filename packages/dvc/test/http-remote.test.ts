import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { add } from '../src/add';
import { DvcRemoteError } from '../src/errors';
import { HttpRemote } from '../src/http-remote';
import { pull } from '../src/pull';
import { push } from '../src/push';
import { status } from '../src/status';
import { FIXTURES, makeRepo, removeAll, scratch, snapshot } from './helpers';

interface Served {
  url: string;
  requests: string[];
  server: Server;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

/** Serve `dir` read-only over HTTP on 127.0.0.1 (GET and HEAD; 404 when absent). */
async function serve(dir: string, failWith?: number): Promise<Served> {
  const requests: string[] = [];
  const server = createServer(async (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (failWith !== undefined) {
      res.writeHead(failWith).end();
      return;
    }
    const path = normalize(
      join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)),
    );
    if (!path.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(path);
      res.writeHead(200, { 'content-length': info.size });
      if (req.method === 'HEAD') res.end();
      else createReadStream(path).pipe(res);
    } catch {
      res.writeHead(404).end();
    }
  });
  servers.push(server);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/store`, requests, server };
}

/** A pushed repo whose `.dvc/remote` folder is also served over HTTP as remote "web". */
async function repoWithHttpRemote(failWith?: number) {
  const holder = await scratch('dvc-http-');
  const served = await serve(holder, failWith);
  const root = await makeRepo(
    [
      '[core]',
      '    remote = web',
      '[\'remote "local"\']',
      `    url = ${join(holder, 'store')}`,
      '[\'remote "web"\']',
      `    url = ${served.url}`,
    ].join('\n'),
  );
  await add({ root, target: 'data' });
  await push({ root, remote: 'local' });
  return { root, served };
}

describe('HttpRemote', () => {
  it('pulls a directory over HTTP with identical bytes', async () => {
    const { root, served } = await repoWithHttpRemote();
    await removeAll(join(root, 'data'), join(root, '.dvc', 'cache'));
    const result = await pull({ root });
    expect(result.downloaded).toBe(7);
    expect(await snapshot(join(root, 'data'))).toEqual(await snapshot(join(FIXTURES, 'dataset')));
    expect(served.requests.filter((r) => r.startsWith('GET /store/files/md5/'))).toHaveLength(7);
  });

  it('answers exists with HEAD requests and reports nothing missing after a push', async () => {
    const { root, served } = await repoWithHttpRemote();
    const report = await status({ root });
    expect(report.remote).toMatchObject({ name: 'web', missing: [] });
    expect(served.requests.filter((r) => r.startsWith('HEAD '))).toHaveLength(7);
    const remote = new HttpRemote(served.url);
    expect(await remote.exists('files/md5/00/000000000000000000000000000000')).toBe(false);
  });

  it('is read-only: push throws DvcRemoteError', async () => {
    const { root } = await repoWithHttpRemote();
    await expect(push({ root })).rejects.toThrow(DvcRemoteError);
    await expect(new HttpRemote('http://127.0.0.1:1').upload('k', 'f')).rejects.toThrow(
      /read-only/,
    );
  });

  it('turns server errors into DvcRemoteError naming the URL and status', async () => {
    const { root, served } = await repoWithHttpRemote(500);
    await removeAll(join(root, 'data'), join(root, '.dvc', 'cache'));
    const error = await pull({ root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DvcRemoteError);
    expect((error as Error).message).toContain(served.url);
    expect((error as Error).message).toContain('500');
  });
});
