import { type HttpMethod, parseRouteLines, type RouteHost, type RouteSpec } from './route-spec';
import { GITHUB_ROUTE_LINES } from './route-table.generated';

/** A request path matched against a route template. */
export interface RouteMatch {
  readonly route: RouteSpec;
  /** Decoded path parameters, e.g. `{ owner: 'acme', repo: 'models', ref: 'heads/main' }`. */
  readonly params: Readonly<Record<string, string>>;
}

type Segment = { literal: string } | { param: string };

interface CompiledRoute {
  readonly route: RouteSpec;
  readonly segments: readonly Segment[];
}

/**
 * Parameters that GitHub accepts unencoded with slashes when they end the path
 * (`/git/ref/heads/main`, `/releases/tags/models/v1`); octokit sends them as `heads%2Fmain`.
 */
const GREEDY_TAIL_PARAMS = new Set(['ref', 'tag', 'path']);

/**
 * Matches method + path against a set of route templates. Literal segments win over
 * parameters segment by segment, so `/releases/latest` matches `/releases/latest` rather than
 * `/releases/{release_id}`, as on GitHub.
 */
export class RouteTable {
  readonly #byMethodAndLength = new Map<string, CompiledRoute[]>();
  readonly #greedy: CompiledRoute[] = [];
  readonly size: number;

  constructor(routes: readonly RouteSpec[]) {
    this.size = routes.length;
    for (const route of routes) {
      const segments: Segment[] = route.template
        .split('/')
        .slice(1)
        .map((s) => (/^\{\w+\}$/.test(s) ? { param: s.slice(1, -1) } : { literal: s }));
      const compiled = { route, segments };
      const key = `${route.host} ${route.method} ${segments.length}`;
      const list = this.#byMethodAndLength.get(key) ?? [];
      list.push(compiled);
      this.#byMethodAndLength.set(key, list);
      const last = segments.at(-1);
      if (last !== undefined && 'param' in last && GREEDY_TAIL_PARAMS.has(last.param)) {
        this.#greedy.push(compiled);
      }
    }
    for (const list of this.#byMethodAndLength.values()) list.sort(bySpecificity);
    this.#greedy.sort(bySpecificity);
  }

  /** Finds the route for a raw (still percent-encoded) path such as `/repos/a/b/git/ref/heads%2Fmain`. */
  match(host: RouteHost, method: HttpMethod, rawPath: string): RouteMatch | undefined {
    const parts = rawPath.replace(/\/+$/, '').split('/').slice(1);
    if (rawPath === '/' || rawPath === '') parts.length = 0;
    const exact = this.#byMethodAndLength.get(`${host} ${method} ${parts.length}`) ?? [];
    for (const candidate of exact) {
      const params = matchSegments(candidate.segments, parts);
      if (params !== undefined) return { route: candidate.route, params };
    }
    for (const candidate of this.#greedy) {
      const { route, segments } = candidate;
      if (route.host !== host || route.method !== method || parts.length <= segments.length) {
        continue;
      }
      const head = parts.slice(0, segments.length - 1);
      const tail = parts.slice(segments.length - 1).join('/');
      const params = matchSegments(segments, [...head, tail]);
      if (params !== undefined) return { route, params };
    }
    return undefined;
  }
}

function matchSegments(
  segments: readonly Segment[],
  parts: readonly string[],
): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const part = parts[i];
    if (segment === undefined || part === undefined) return undefined;
    if ('literal' in segment) {
      if (segment.literal !== part) return undefined;
    } else {
      if (part === '') return undefined;
      params[segment.param] = safeDecode(part);
    }
  }
  return params;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Orders routes so that, at the first differing segment, a literal comes before a parameter. */
function bySpecificity(a: CompiledRoute, b: CompiledRoute): number {
  const n = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const sa = a.segments[i];
    const sb = b.segments[i];
    const la = sa !== undefined && 'literal' in sa;
    const lb = sb !== undefined && 'literal' in sb;
    if (la !== lb) return la ? -1 : 1;
  }
  return 0;
}

let githubRouteTable: RouteTable | undefined;

/** The table of every operation in GitHub's published OpenAPI description (built once). */
export function githubRoutes(): RouteTable {
  githubRouteTable ??= new RouteTable(parseRouteLines(GITHUB_ROUTE_LINES));
  return githubRouteTable;
}

export type { HttpMethod };
