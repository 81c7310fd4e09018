import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { HTTP_METHODS, type HttpMethod, type RouteSpec } from '../src/route-spec';

/** Thrown when `@octokit/openapi`'s description cannot be read or has an unexpected shape. */
export class OpenApiDescriptionError extends Error {
  override readonly name = 'OpenApiDescriptionError';
}

interface OpenApiOperation {
  servers?: { url: string }[];
}

interface OpenApiDescription {
  info: { version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/**
 * Reads every operation of GitHub's REST API (api.github.com) from the installed
 * `@octokit/openapi` package. Parsing its 13 MB JSON takes about half a second, which is why
 * the emulator uses the committed table in `route-table.generated.ts` at run time; this reader
 * regenerates that table (`npm run generate-routes`) and checks it has not drifted (test).
 */
export function readOpenApiRoutes(): { version: string; routes: RouteSpec[] } {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  let description: OpenApiDescription;
  try {
    description = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDescription;
  } catch (cause) {
    throw new OpenApiDescriptionError(`cannot read OpenAPI description ${file}`, { cause });
  }
  if (typeof description.paths !== 'object' || description.paths === null) {
    throw new OpenApiDescriptionError(`OpenAPI description ${file} has no "paths" object`);
  }
  const routes: RouteSpec[] = [];
  for (const [template, item] of Object.entries(description.paths)) {
    for (const [key, operation] of Object.entries(item)) {
      const method = key.toUpperCase();
      if (!(HTTP_METHODS as readonly string[]).includes(method)) continue;
      const uploads = operation.servers?.some((s) => s.url.includes('uploads.github.com')) ?? false;
      routes.push({ method: method as HttpMethod, template, host: uploads ? 'uploads' : 'api' });
    }
  }
  routes.sort((a, b) =>
    a.template === b.template ? a.method.localeCompare(b.method) : a.template < b.template ? -1 : 1,
  );
  return { version: description.info.version, routes };
}
