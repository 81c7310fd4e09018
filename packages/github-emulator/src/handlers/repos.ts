import { rateLimitOverview } from '../payloads/rate-limit';
import { fullRepository } from '../payloads/repository';
import { type Handler, repoOf } from './context';

export const getRepo: Handler = (ctx) => ({
  status: 200,
  body: fullRepository(ctx.state.urls, repoOf(ctx)),
});

/** `GET /rate_limit`; GitHub does not count this request against the limit. */
export const getRateLimit: Handler = (ctx) => ({
  status: 200,
  body: rateLimitOverview(ctx.state.rateLimit),
});
