import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector } from './faults';
import type { Account } from './payloads/user';
import { API_PREFIX, Router, UPLOADS_PREFIX } from './router';
import { EmulatorState } from './state';

export interface EmulatorOptions {
  /** Clock for `created_at` and friends (default: the real clock). */
  now?: () => Date;
  /**
   * Accepted tokens and the account each acts as. When omitted any token is accepted and acts
   * as `github-actions[bot]`, like `GITHUB_TOKEN` in a workflow.
   */
  tokens?: Readonly<Record<string, Account>>;
  /** Logins whose tokens may edit and delete other people's comments (a maintainer's). */
  maintainers?: readonly string[];
  /** See `StateOptions.draftsOnTakenTags`: a draft on a taken tag is refused only at publish. */
  draftsOnTakenTags?: boolean;
}

export interface Emulator {
  /** Octokit `baseUrl`: `http://127.0.0.1:PORT/api/v3` (GitHub Enterprise Server layout). */
  readonly apiUrl: string;
  /** Release upload origin: `http://127.0.0.1:PORT/api/uploads` (`upload_url` points here). */
  readonly uploadsUrl: string;
  /** Origin of `html_url` / `browser_download_url`: `http://127.0.0.1:PORT`. */
  readonly webUrl: string;
  readonly state: EmulatorState;
  readonly faults: FaultInjector;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/**
 * Starts a GitHub REST API emulator on 127.0.0.1 at a free port, and its signed-URL storage at
 * another (asset and artifact downloads redirect there, as GitHub's do to another host).
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const server = createServer();
  const storageServer = createServer();
  const webUrl = `http://127.0.0.1:${await listen(server)}`;
  const storageUrl = `http://127.0.0.1:${await listen(storageServer)}`;
  const urls = {
    api: `${webUrl}${API_PREFIX}`,
    uploads: `${webUrl}${UPLOADS_PREFIX}`,
    web: webUrl,
    storage: storageUrl,
  };
  const state = new EmulatorState({
    urls,
    now: options.now ?? (() => new Date()),
    ...(options.tokens === undefined ? {} : { tokens: options.tokens }),
    ...(options.maintainers === undefined ? {} : { maintainers: options.maintainers }),
    ...(options.draftsOnTakenTags === undefined
      ? {}
      : { draftsOnTakenTags: options.draftsOnTakenTags }),
  });
  const faults = new FaultInjector();
  const router = new Router(state, faults);
  const onRequest = (origin: string) => (req: IncomingMessage, res: ServerResponse) => {
    readBody(req)
      .then((body) =>
        router.handle({
          method: req.method ?? 'GET',
          url: new URL(req.url ?? '/', origin),
          headers: req.headers,
          body,
        }),
      )
      .then((response) => {
        res.writeHead(response.status, {
          ...response.headers,
          ...(response.body === undefined
            ? {}
            : { 'content-length': String(response.body.length) }),
        });
        res.end(response.body);
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ message: `Emulator error: ${String(error)}`, status: '500' }));
      });
  };
  server.on('request', onRequest(webUrl));
  storageServer.on('request', onRequest(storageUrl));
  return {
    apiUrl: urls.api,
    uploadsUrl: urls.uploads,
    webUrl,
    state,
    faults,
    close: async () => {
      await Promise.all([closeServer(server), closeServer(storageServer)]);
    },
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    server.closeAllConnections();
  });
}
