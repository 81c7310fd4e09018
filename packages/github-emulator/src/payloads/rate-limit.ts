import type { RateLimitOverview } from './schemas';

/** Primary rate limit of an installation token, as the emulator reports it. */
export interface RateLimitSnapshot {
  limit: number;
  used: number;
  /** Epoch seconds when the window resets. */
  reset: number;
}

/** `x-ratelimit-*` headers GitHub sends with every API response. */
export function rateLimitHeaders(snapshot: RateLimitSnapshot): Record<string, string> {
  return {
    'x-ratelimit-limit': String(snapshot.limit),
    'x-ratelimit-remaining': String(Math.max(0, snapshot.limit - snapshot.used)),
    'x-ratelimit-reset': String(snapshot.reset),
    'x-ratelimit-used': String(snapshot.used),
    'x-ratelimit-resource': 'core',
  };
}

/** `GET /rate_limit` payload. */
export function rateLimitOverview(snapshot: RateLimitSnapshot): RateLimitOverview {
  const core = {
    limit: snapshot.limit,
    used: snapshot.used,
    remaining: Math.max(0, snapshot.limit - snapshot.used),
    reset: snapshot.reset,
  };
  const idle = (limit: number) => ({ limit, used: 0, remaining: limit, reset: snapshot.reset });
  return {
    resources: {
      core,
      search: idle(30),
      graphql: idle(5000),
      integration_manifest: idle(5000),
      code_search: idle(10),
    },
    rate: core,
  };
}
