import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Exchange, type ServingHub } from './exchange';
import { type Failure, failureOf, INTERNAL_FAILURE } from './failure';
import { type BodyLimits, type Reply, send } from './http-io';

export { Exchange } from './exchange';

export interface Route {
  readonly method: 'GET' | 'POST';
  /** Matched against the whole path (decoded). */
  readonly pattern: RegExp;
  /** The path as the OpenAPI description writes it (`/v2/models/{name}/infer`): its metrics label. */
  readonly template: string;
  readonly handle: (exchange: Exchange) => Reply | Promise<Reply>;
}

/** The routes of one protocol, and the shape of its error answers. */
export interface RouteFamily {
  readonly name: string;
  /** Whether a path belongs to this protocol (so that its 404 and 405 answers take its shape). */
  owns(path: string): boolean;
  readonly routes: readonly Route[];
  /** The protocol's answer to a failure. */
  fail(failure: Failure): Reply;
}

export type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/** What the server observes of each request (metrics, access log). */
export interface RouterHooks {
  readonly hub?: ServingHub | undefined;
  /** A request arrived. */
  readonly started?: (() => void) | undefined;
  /**
   * The answer was written (status 0 when the connection was destroyed instead); `startedAt`
   * is the `performance.now()` of its arrival.
   */
  readonly finished?: ((exchange: Exchange, status: number, startedAt: number) => void) | undefined;
}

function decodePath(url: string | undefined): string {
  const raw = new URL(url ?? '/', 'http://localhost').pathname;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

async function dispatch(exchange: Exchange, family: RouteFamily): Promise<Reply> {
  const { request, path } = exchange;
  const matching = family.routes.filter((route) => route.pattern.test(path));
  const route = matching.find((candidate) => candidate.method === request.method);
  if (route !== undefined) {
    exchange.params = (route.pattern.exec(path) ?? []).slice(1);
    exchange.route = route.template;
    return route.handle(exchange);
  }
  if (matching.length === 0) {
    return family.fail({ status: 404, code: 'not-found', message: `no route ${path}` });
  }
  const allow = [...new Set(matching.map((candidate) => candidate.method))].join(', ');
  const reply = family.fail({
    status: 405,
    code: 'method-not-allowed',
    message: `${path} takes ${allow}, not ${request.method}`,
  });
  return { ...reply, headers: { ...reply.headers, allow } };
}

/**
 * Dispatches each request to the first family that owns its path (the last family owns every
 * path left), then to the route whose pattern and method match: 404 when no pattern matches,
 * 405 (with `allow`) when one matches for another method. What a route throws is answered by
 * its family: a known failure (`failureOf`) as such, anything else as 500, logged. Once the
 * answer is written, `hooks.finished` sees it and the request's model lease is released.
 */
export function createRouter(
  families: readonly RouteFamily[],
  limits: BodyLimits,
  log: (line: string) => void,
  hooks: RouterHooks = {},
): RequestListener {
  const { hub, started, finished } = hooks;
  const fallback = families.at(-1);
  if (fallback === undefined) throw new Error('createRouter needs at least one route family');

  return (request, response) => {
    const startedAt = performance.now();
    started?.();
    const exchange = new Exchange(request, decodePath(request.url), limits, hub);
    const family = families.find((candidate) => candidate.owns(exchange.path)) ?? fallback;
    let answered = false;
    const done = (status: number) => {
      if (answered) return;
      answered = true;
      exchange.finish();
      finished?.(exchange, status, startedAt);
    };
    dispatch(exchange, family)
      .catch((caught: unknown) => {
        const failure = failureOf(caught);
        if (failure === undefined) {
          const message = caught instanceof Error ? caught.message : String(caught);
          log(`${request.method} ${request.url}: 500 ${message}`);
        }
        const reply = family.fail(failure ?? INTERNAL_FAILURE);
        // A body that was not read in full: close the connection after answering.
        if (failure?.status === 413 || failure?.status === 408) {
          return { ...reply, headers: { ...reply.headers, connection: 'close' } };
        }
        return reply;
      })
      .then((reply) => {
        exchange.bytesSent = send(response, reply);
        done(reply.status);
      })
      .catch(() => {
        response.destroy();
        done(0);
      });
  };
}
