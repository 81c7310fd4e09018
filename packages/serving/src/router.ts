import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Failure, failureOf, INTERNAL_FAILURE } from './failure';
import { type BodyLimits, type Reply, send } from './http-io';

/** A request as a route sees it: the request, its path and the groups its pattern captured. */
export interface Exchange {
  readonly request: IncomingMessage;
  readonly path: string;
  /** The capture groups of the route's pattern (`undefined` for an optional group left out). */
  readonly params: readonly (string | undefined)[];
  readonly limits: BodyLimits;
}

export interface Route {
  readonly method: 'GET' | 'POST';
  /** Matched against the whole path (decoded). */
  readonly pattern: RegExp;
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

function decodePath(url: string | undefined): string {
  const raw = new URL(url ?? '/', 'http://localhost').pathname;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Dispatches each request to the first family that owns its path (the last family owns every
 * path left), then to the route whose pattern and method match: 404 when no pattern matches,
 * 405 (with `allow`) when one matches for another method. What a route throws is answered by
 * its family: a known failure (`failureOf`) as such, anything else as 500, logged.
 */
export function createRouter(
  families: readonly RouteFamily[],
  limits: BodyLimits,
  log: (line: string) => void,
): RequestListener {
  const dispatch = async (request: IncomingMessage, family: RouteFamily, path: string) => {
    const matching = family.routes.filter((route) => route.pattern.test(path));
    const route = matching.find((candidate) => candidate.method === request.method);
    if (route !== undefined) {
      const params = (route.pattern.exec(path) ?? []).slice(1);
      return route.handle({ request, path, params, limits });
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
  };

  return (request, response) => {
    const path = decodePath(request.url);
    const family = families.find((candidate) => candidate.owns(path)) ?? families.at(-1);
    if (family === undefined) throw new Error('createRouter needs at least one route family');
    dispatch(request, family, path)
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
      .then((reply) => send(response, reply))
      .catch(() => response.destroy());
  };
}
