import { describe, expect, it } from 'vitest';
import { readOpenApiRoutes } from '../scripts/openapi-routes';
import { HANDLERS } from '../src/handlers/index';
import { githubRoutes, OPENAPI_VERSION, RouteTable } from '../src/index';
import { formatRouteLines, parseRouteLines } from '../src/route-spec';
import { GITHUB_ROUTE_LINES } from '../src/route-table.generated';

describe('the route table', () => {
  it('matches the OpenAPI description of the installed @octokit/openapi', () => {
    const { version, routes } = readOpenApiRoutes();
    expect(OPENAPI_VERSION).toBe(version);
    expect(formatRouteLines(parseRouteLines(GITHUB_ROUTE_LINES))).toBe(formatRouteLines(routes));
    expect(routes.length).toBeGreaterThan(1000);
  });

  it('contains every route the emulator implements', () => {
    const table = githubRoutes();
    for (const key of Object.keys(HANDLERS)) {
      const [method, template] = key.split(' ') as ['GET', string];
      const host =
        template.endsWith('/releases/{release_id}/assets') && method !== 'GET' ? 'uploads' : 'api';
      const concrete = template.replace(/\{(\w+)\}/g, (_, name: string) =>
        name.endsWith('id') || name.endsWith('number') ? '7' : 'x',
      );
      expect(table.match(host, method, concrete)?.route.template, key).toBe(template);
    }
  });

  it('prefers a literal segment over a parameter (releases/latest is not a release id)', () => {
    const match = githubRoutes().match('api', 'GET', '/repos/acme/models/releases/latest');
    expect(match?.route.template).toBe('/repos/{owner}/{repo}/releases/latest');
    expect(match?.params).toEqual({ owner: 'acme', repo: 'models' });
  });

  it('decodes an encoded ref and also accepts a ref with raw slashes', () => {
    const table = githubRoutes();
    expect(table.match('api', 'GET', '/repos/a/b/git/ref/heads%2Fmain')?.params.ref).toBe(
      'heads/main',
    );
    expect(table.match('api', 'GET', '/repos/a/b/git/ref/tags/model/v1')?.params.ref).toBe(
      'tags/model/v1',
    );
  });

  it('finds no route for paths or methods GitHub does not have', () => {
    const table = githubRoutes();
    expect(table.match('api', 'GET', '/repos/a/b/releasez')).toBeUndefined();
    expect(table.match('api', 'PUT', '/repos/a/b/releases')).toBeUndefined();
    expect(table.match('api', 'POST', '/repos/a/b/releases/1/assets')).toBeUndefined();
    expect(table.match('uploads', 'POST', '/repos/a/b/releases/1/assets')?.route.host).toBe(
      'uploads',
    );
  });

  it('can be built from any route list', () => {
    const table = new RouteTable(parseRouteLines('GET /things/{id}\nGET /things/special'));
    expect(table.size).toBe(2);
    expect(table.match('api', 'GET', '/things/special')?.route.template).toBe('/things/special');
    expect(table.match('api', 'GET', '/things/42')?.params).toEqual({ id: '42' });
  });
});
