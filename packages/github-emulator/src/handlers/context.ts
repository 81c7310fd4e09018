import type { IncomingHttpHeaders } from 'node:http';
import { ApiErrorResponse, notFound } from '../payloads/errors';
import type { Account } from '../payloads/user';
import type { EmulatorState, RepoRecord } from '../state';

/** What a route handler gets: the matched parameters, the parsed request and the state. */
export interface HandlerContext {
  readonly state: EmulatorState;
  /** The repository named by `{owner}/{repo}`, when the route has them and it was seeded. */
  readonly repo: RepoRecord | undefined;
  readonly params: Readonly<Record<string, string>>;
  /** Full request URL (with the API prefix and query), used for pagination links. */
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: Buffer;
  readonly actor: Account;
}

/** What a handler answers: JSON `body`, or raw `bytes`, or neither (204). */
export interface HandlerResult {
  readonly status: number;
  readonly body?: unknown;
  readonly bytes?: Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Handler = (ctx: HandlerContext) => HandlerResult;

/** The route's repository; 404 when it was not seeded. */
export function repoOf(ctx: HandlerContext): RepoRecord {
  if (ctx.repo === undefined) throw notFound();
  return ctx.repo;
}

/** A numeric path parameter (`release_id`, `issue_number`, ...); 404 when not a positive integer. */
export function idParam(ctx: HandlerContext, name: string): number {
  const raw = ctx.params[name];
  if (raw === undefined || !/^\d+$/.test(raw)) throw notFound();
  return Number(raw);
}

/** A string path parameter. */
export function stringParam(ctx: HandlerContext, name: string): string {
  const raw = ctx.params[name];
  if (raw === undefined) throw notFound();
  return raw;
}

/** The JSON request body as an object; 400 "Problems parsing JSON" like GitHub otherwise. */
export function jsonBody(ctx: HandlerContext): Record<string, unknown> {
  if (ctx.rawBody.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.rawBody.toString('utf8'));
  } catch {
    throw new ApiErrorResponse(400, 'Problems parsing JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiErrorResponse(400, 'Problems parsing JSON');
  }
  return parsed as Record<string, unknown>;
}

/**
 * Reads an optional string field; a non-string answers 422 with GitHub's schema-validation
 * message (`Invalid request.\n\nFor 'properties/name', 5 is not a string.`).
 */
export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new ApiErrorResponse(
      422,
      `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(value)} is not a string.`,
    );
  }
  return value;
}

/** Reads a required string field; missing answers 422 `"field" wasn't supplied.` as on GitHub. */
export function requiredString(body: Record<string, unknown>, field: string): string {
  const value = optionalString(body, field);
  if (value === undefined) {
    throw new ApiErrorResponse(422, `Invalid request.\n\n"${field}" wasn't supplied.`);
  }
  return value;
}

/** Reads an optional boolean field; a non-boolean answers 422. */
export function optionalBoolean(body: Record<string, unknown>, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    throw new ApiErrorResponse(
      422,
      `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(value)} is not a boolean.`,
    );
  }
  return value;
}

/** Reads an optional string field restricted to `allowed`; anything else answers 422. */
export function optionalEnum<T extends string>(
  body: Record<string, unknown>,
  field: string,
  allowed: readonly T[],
): T | undefined {
  const value = optionalString(body, field);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ApiErrorResponse(
      422,
      `Invalid request.\n\nFor 'properties/${field}', "${value}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}.`,
    );
  }
  return value as T;
}
