import type { IncomingHttpHeaders } from 'node:http';
import type { FaultInjector } from './faults';
import { ARTIFACT_STORAGE_PREFIX } from './handlers/artifacts';
import type { HandlerResult } from './handlers/context';
import { HANDLERS } from './handlers/index';
import { ASSET_STORAGE_PREFIX, downloadAsset } from './handlers/release-assets';
import { ApiErrorResponse, notAccessible, notFound } from './payloads/errors';
import { rateLimitHeaders } from './payloads/rate-limit';
import type { Account } from './payloads/user';
import { grantingScope, requiredPermission } from './permissions';
import type { HttpMethod, RouteHost } from './route-spec';
import { githubRoutes } from './route-table';
import type { EmulatorState, RecordedRequest } from './state';

/** URL path prefixes, as on GitHub Enterprise Server. */
export const API_PREFIX = '/api/v3';
export const UPLOADS_PREFIX = '/api/uploads';

export interface RouterRequest {
  readonly method: string;
  /** Absolute request URL. */
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface RouterResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer | undefined;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Turns one request into one response: faults, route lookup, auth, handler, recording. */
export class Router {
  readonly #state: EmulatorState;
  readonly #faults: FaultInjector;
  #requestCount = 0;

  constructor(state: EmulatorState, faults: FaultInjector) {
    this.#state = state;
    this.#faults = faults;
  }

  async handle(request: RouterRequest): Promise<RouterResponse> {
    const { host, path } =
      request.url.origin === this.#state.urls.storage
        ? { host: 'storage' as const, path: request.url.pathname }
        : splitHost(request.url.pathname);
    const method = request.method.toUpperCase();
    const record: RecordedRequest = {
      method,
      path,
      query: request.url.search,
      host,
      status: 0,
      route: undefined,
    };
    this.#state.requests.push(record);
    this.#requestCount += 1;
    const requestId = `EMU0:${this.#requestCount.toString(16).padStart(4, '0')}`;
    const delay = this.#faults.takeDelay(method, path);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const response = this.#dispatch(request, method, host, path, record);
    record.status = response.status;
    response.headers['x-github-request-id'] = requestId;
    return response;
  }

  #dispatch(
    request: RouterRequest,
    method: string,
    host: RecordedRequest['host'],
    path: string,
    record: RecordedRequest,
  ): RouterResponse {
    const fault = this.#faults.takeFault(method, path);
    if (fault !== undefined) return json(fault.status, fault.body, { ...fault.headers });
    if (host === 'storage') {
      // A signed URL carries its own authorization; storage refuses a second one (as S3 and
      // Azure Blob do), so a client that forwards its GitHub token across the redirect fails.
      if (request.headers.authorization !== undefined) {
        this.#state.tokenSentToStorage.push(record);
        return json(400, {
          message:
            'Only one auth mechanism allowed; the signed URL already authorizes this request',
          status: '400',
        });
      }
      return this.#serveStorage(request.url, path);
    }
    if (host === 'web') return this.#serveWeb(method, path, record);
    const match = githubRoutes().match(host, method as HttpMethod, rawPathOf(request.url, host));
    if (match === undefined) {
      this.#state.unknownRoutes.push(record);
      return errorResponse(notFound());
    }
    const key = `${match.route.method} ${match.route.template}`;
    record.route = key;
    const actor = this.#authenticate(request.headers);
    if (actor instanceof ApiErrorResponse) return errorResponse(actor);
    const denied = this.#authorize(request.headers, match.route.method, match.route.template, key);
    if (denied !== undefined) return errorResponse(denied);
    if (key !== 'GET /rate_limit') this.#state.rateLimit.used += 1;
    const limitHeaders = rateLimitHeaders(this.#state.rateLimit);
    const handler = HANDLERS[key];
    if (handler === undefined) {
      this.#state.unimplementedRoutes.push(record);
      // 400, not 501: octokit's retry plugin retries every 5xx (1 s + 4 s + 9 s by default)
      // but never a 400, so a missing route fails at once with a message that names it.
      return errorResponse(
        new ApiErrorResponse(400, `The GitHub emulator does not implement ${key}`),
        limitHeaders,
      );
    }
    const { owner, repo } = match.params;
    const repoRecord =
      owner !== undefined && repo !== undefined
        ? this.#state.findRepo(`${owner}/${repo}`)
        : undefined;
    let result: HandlerResult;
    try {
      result = handler({
        state: this.#state,
        repo: repoRecord,
        params: match.params,
        url: request.url,
        headers: request.headers,
        rawBody: request.body,
        actor,
      });
    } catch (error) {
      if (error instanceof ApiErrorResponse) return errorResponse(error, limitHeaders);
      throw error;
    }
    const headers = { ...limitHeaders, ...result.headers };
    if (result.bytes !== undefined) {
      return {
        status: result.status,
        headers: { 'content-type': 'application/octet-stream', ...headers },
        body: result.bytes,
      };
    }
    if (result.body === undefined) return { status: result.status, headers, body: undefined };
    return json(result.status, result.body, headers);
  }

  /** `Authorization: token <x>` or `Bearer <x>`; 401 "Requires authentication" / "Bad credentials". */
  #authenticate(headers: IncomingHttpHeaders): Account | ApiErrorResponse {
    const match = /^(?:token|bearer)\s+(\S+)$/i.exec(headers.authorization ?? '');
    if (match?.[1] === undefined) return new ApiErrorResponse(401, 'Requires authentication');
    return this.#state.accountForToken(match[1]) ?? new ApiErrorResponse(401, 'Bad credentials');
  }

  /**
   * For a token with job permissions: the scope the route needs, recorded in
   * `permissionUses`; a 403 "Resource not accessible by integration" when the token lacks it.
   */
  #authorize(
    headers: IncomingHttpHeaders,
    method: string,
    template: string,
    key: string,
  ): ApiErrorResponse | undefined {
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1] ?? '';
    const permissions = this.#state.tokenPermissions(token);
    if (permissions === undefined) return undefined;
    const required = requiredPermission(method, template);
    if (required === undefined) return undefined;
    const scope = grantingScope(permissions, required);
    this.#state.permissionUses.push({
      token,
      route: key,
      scope: scope ?? required.scopes[0],
      level: required.level,
      granted: scope !== undefined,
    });
    return scope === undefined ? notAccessible() : undefined;
  }

  /** Signed-storage stand-in that the asset download redirect points to. */
  #serveStorage(url: URL, path: string): RouterResponse {
    if (path.startsWith(ARTIFACT_STORAGE_PREFIX)) {
      const artifact = this.#state
        .findRepo(url.searchParams.get('repo') ?? '')
        ?.artifacts.get(Number(path.slice(ARTIFACT_STORAGE_PREFIX.length)));
      if (artifact === undefined) return errorResponse(notFound());
      return { status: 200, headers: { 'content-type': 'application/zip' }, body: artifact.zip };
    }
    const id = Number(path.slice(ASSET_STORAGE_PREFIX.length));
    const repo = this.#state.findRepo(url.searchParams.get('repo') ?? '');
    const asset = repo?.assets.get(id);
    if (repo === undefined || asset === undefined) return errorResponse(notFound());
    return assetBytes(downloadAsset(repo, asset).bytes, asset.payload.name);
  }

  /** `GET /{owner}/{repo}/releases/download/{tag}/{name}` (browser_download_url), else 404. */
  #serveWeb(method: string, path: string, record: RecordedRequest): RouterResponse {
    const m = /^\/([^/]+)\/([^/]+)\/releases\/download\/([^/]+)\/([^/]+)$/.exec(path);
    if (method === 'GET' && m !== null) {
      const [, owner = '', name = '', tag = '', file = ''] = m;
      const repo = this.#state.findRepo(`${owner}/${name}`);
      const release = [...(repo?.releases.values() ?? [])].find(
        (r) => r.tag_name === decodeURIComponent(tag) && !r.draft,
      );
      const asset = [...(repo?.assets.values() ?? [])].find(
        (a) => a.releaseId === release?.id && a.payload.name === decodeURIComponent(file),
      );
      if (repo !== undefined && asset !== undefined) {
        return assetBytes(downloadAsset(repo, asset).bytes, asset.payload.name);
      }
    }
    this.#state.unknownRoutes.push(record);
    return errorResponse(notFound());
  }
}

function splitHost(pathname: string): { host: RecordedRequest['host']; path: string } {
  for (const [prefix, host] of [
    [API_PREFIX, 'api'],
    [UPLOADS_PREFIX, 'uploads'],
  ] as const) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) {
      return { host, path: decodePath(pathname.slice(prefix.length) || '/') };
    }
  }
  return { host: 'web', path: pathname };
}

/** The still-encoded path after the host prefix, so `heads%2Fmain` stays one segment. */
function rawPathOf(url: URL, host: RouteHost): string {
  const prefix = host === 'api' ? API_PREFIX : UPLOADS_PREFIX;
  return url.pathname.slice(prefix.length) || '/';
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): RouterResponse {
  return {
    status,
    headers: {
      'content-type': JSON_TYPE,
      'x-github-media-type': 'github.v3; format=json',
      ...headers,
    },
    body: Buffer.from(JSON.stringify(body)),
  };
}

function errorResponse(
  error: ApiErrorResponse,
  headers: Record<string, string> = {},
): RouterResponse {
  return json(error.status, error.body, { ...headers, ...error.headers });
}

function assetBytes(bytes: Buffer, name: string): RouterResponse {
  return {
    status: 200,
    headers: {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename=${name}`,
    },
    body: bytes,
  };
}
