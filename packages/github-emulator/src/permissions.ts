/**
 * The permissions of a workflow job's `GITHUB_TOKEN` (its `permissions:` block), and which one
 * each emulated route needs, after GitHub's "Permissions required for GitHub Apps" tables.
 *
 * Stricter than GitHub in one way: reads are checked on public repositories too (GitHub lets any
 * token read a public repository), so that a job that reads without declaring it fails here.
 */

/** The scopes of a job's `permissions:` that the REST routes here need. */
export const TOKEN_SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'id-token',
  'issues',
  'pull-requests',
  'statuses',
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
export type AccessLevel = 'read' | 'write';
/** A token's permissions: scope → level; a missing scope is `none`. */
export type TokenPermissions = Readonly<Partial<Record<TokenScope, AccessLevel>>>;

/** What a route needs: `level` on any one of `scopes`; none for `metadata` routes. */
export interface RequiredPermission {
  readonly scopes: readonly TokenScope[];
  readonly level: AccessLevel;
}

const R = '/repos/{owner}/{repo}';

/** Route template prefix (after `/repos/{owner}/{repo}`) → the scopes that grant it. */
const SCOPES_BY_PREFIX: readonly (readonly [string, readonly TokenScope[]])[] = [
  ['/actions/', ['actions']],
  ['/releases', ['contents']],
  ['/git/', ['contents']],
  ['/issues', ['issues', 'pull-requests']],
  ['/check-runs', ['checks']],
  ['/commits/{ref}/check-runs', ['checks']],
  ['/statuses/', ['statuses']],
  ['/commits/{ref}/status', ['statuses']],
  ['/deployments', ['deployments']],
  ['/pulls', ['pull-requests']],
  ['/commits/{commit_sha}/pulls', ['pull-requests']],
];

/**
 * Routes whose scopes differ from their prefix's: listing and opening issues needs `issues`
 * (`pull-requests` does not grant them), as does reading or editing an issue.
 */
const SCOPES_BY_TEMPLATE: ReadonlyMap<string, readonly TokenScope[]> = new Map([
  ['/issues', ['issues']],
  ['/issues/{issue_number}', ['issues']],
]);

/**
 * The permission `METHOD template` needs: reads need `read`, anything else `write`; undefined
 * for routes every token may call (`GET /rate_limit`, `GET /repos/{owner}/{repo}`: metadata).
 */
export function requiredPermission(
  method: string,
  template: string,
): RequiredPermission | undefined {
  if (!template.startsWith(`${R}/`)) return undefined;
  const rest = template.slice(R.length);
  const level = method === 'GET' || method === 'HEAD' ? 'read' : 'write';
  const exact = SCOPES_BY_TEMPLATE.get(rest);
  if (exact !== undefined) return { scopes: exact, level };
  const found = SCOPES_BY_PREFIX.filter(([prefix]) => rest.startsWith(prefix)).sort(
    (a, b) => b[0].length - a[0].length,
  )[0];
  if (found === undefined) return undefined;
  return { scopes: found[1], level };
}

/** The scope of `permissions` that grants `required`, or undefined when none does. */
export function grantingScope(
  permissions: TokenPermissions,
  required: RequiredPermission,
): TokenScope | undefined {
  return required.scopes.find((scope) => {
    const level = permissions[scope];
    return level === 'write' || (level === 'read' && required.level === 'read');
  });
}

/**
 * A job's `permissions:` value as the workflow file has it (`{}`, `read-all`, `write-all`, or
 * scope → `read`/`write`/`none`), as token permissions. `readOnly` caps every scope at `read`
 * (a fork's `pull_request` run).
 */
export function parseJobPermissions(
  value: unknown,
  options: { readOnly?: boolean } = {},
): TokenPermissions {
  const cap = (level: AccessLevel): AccessLevel => (options.readOnly === true ? 'read' : level);
  if (value === 'read-all' || value === 'write-all') {
    const level = cap(value === 'read-all' ? 'read' : 'write');
    return Object.fromEntries(TOKEN_SCOPES.map((scope) => [scope, level]));
  }
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {};
  }
  const out: Partial<Record<TokenScope, AccessLevel>> = {};
  for (const [scope, level] of Object.entries(value as Record<string, unknown>)) {
    if (!(TOKEN_SCOPES as readonly string[]).includes(scope)) continue;
    if (level === 'read' || level === 'write') out[scope as TokenScope] = cap(level);
  }
  return out;
}
