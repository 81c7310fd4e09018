/** HTTP methods that appear as operations in GitHub's OpenAPI description. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

/**
 * Which origin serves a route. GitHub serves every operation from the API origin except
 * release asset uploads, which the OpenAPI description places on `https://uploads.github.com`.
 */
export type RouteHost = 'api' | 'uploads';

/** One operation of GitHub's REST API: method and path template, e.g. `GET /repos/{owner}/{repo}`. */
export interface RouteSpec {
  readonly method: HttpMethod;
  readonly template: string;
  readonly host: RouteHost;
}

export const HTTP_METHODS: readonly HttpMethod[] = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
];

/** Serialises routes as one `METHOD /template[ uploads]` line each (the generated table's format). */
export function formatRouteLines(routes: readonly RouteSpec[]): string {
  return routes
    .map((r) => `${r.method} ${r.template}${r.host === 'uploads' ? ' uploads' : ''}`)
    .join('\n');
}

/** Parses the format written by {@link formatRouteLines}. */
export function parseRouteLines(text: string): RouteSpec[] {
  const routes: RouteSpec[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const [method, template, host] = trimmed.split(' ');
    if (!isHttpMethod(method) || template === undefined || !template.startsWith('/')) {
      throw new RouteTableFormatError(`route table line "${trimmed}" is not "METHOD /path"`);
    }
    routes.push({ method, template, host: host === 'uploads' ? 'uploads' : 'api' });
  }
  return routes;
}

function isHttpMethod(value: string | undefined): value is HttpMethod {
  return value !== undefined && (HTTP_METHODS as readonly string[]).includes(value);
}

/** Thrown when the generated route table cannot be parsed. */
export class RouteTableFormatError extends Error {
  override readonly name = 'RouteTableFormatError';
}
