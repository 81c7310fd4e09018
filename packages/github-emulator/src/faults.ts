/** Which requests a fault applies to; omitted fields match everything. */
export interface FaultMatcher {
  /** HTTP method, case-insensitive. */
  method?: string;
  /** Tested against the path without query and without the `/api/v3` or `/api/uploads` prefix. */
  path?: RegExp | string;
}

export interface FaultRule extends FaultMatcher {
  status: number;
  /** How many matching requests receive the fault (default 1). */
  times?: number;
  headers?: Record<string, string>;
  /** JSON body; defaults to GitHub's generic error body for the status. */
  body?: unknown;
}

export interface DelayRule extends FaultMatcher {
  /** Milliseconds to wait before answering. */
  ms: number;
  times?: number;
}

/** A fault about to be applied to a request. */
export interface Fault {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** GitHub's message for a secondary rate limit (the throttling plugin matches "secondary rate"). */
export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.';

const REASONS: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

interface Armed<T> {
  rule: T;
  remaining: number;
}

function matches(rule: FaultMatcher, method: string, path: string): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? rule.path === path : rule.path.test(path);
}

/**
 * Injected failures and delays. Rules are consumed in the order they were added; each applies
 * to its next `times` matching requests, then is spent.
 */
export class FaultInjector {
  readonly #faults: Armed<FaultRule>[] = [];
  readonly #delays: Armed<DelayRule>[] = [];

  /** Answers the next `times` matching requests with `status` (and headers/body). */
  inject(rule: FaultRule): void {
    this.#faults.push({ rule, remaining: rule.times ?? 1 });
  }

  /**
   * A secondary rate limit as GitHub sends it: 403, `retry-after` seconds (default 1) and the
   * "You have exceeded a secondary rate limit" message.
   */
  secondaryRateLimit(matcher: FaultMatcher & { retryAfter?: number; times?: number } = {}): void {
    const { retryAfter = 1, times, ...where } = matcher;
    this.inject({
      ...where,
      status: 403,
      ...(times === undefined ? {} : { times }),
      headers: { 'retry-after': String(retryAfter), 'x-ratelimit-remaining': '4999' },
      body: {
        message: SECONDARY_RATE_LIMIT_MESSAGE,
        documentation_url:
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        status: '403',
      },
    });
  }

  /** Delays the next `times` matching requests by `ms` before they are handled. */
  delay(rule: DelayRule): void {
    this.#delays.push({ rule, remaining: rule.times ?? 1 });
  }

  /** Removes every pending fault and delay. */
  clear(): void {
    this.#faults.length = 0;
    this.#delays.length = 0;
  }

  /** Number of fault and delay applications still pending. */
  get pending(): number {
    return [...this.#faults, ...this.#delays].reduce((sum, armed) => sum + armed.remaining, 0);
  }

  /** Consumes and returns the fault for this request, if one matches. */
  takeFault(method: string, path: string): Fault | undefined {
    const armed = take(this.#faults, method, path);
    if (armed === undefined) return undefined;
    const { status, headers = {}, body } = armed;
    return {
      status,
      headers,
      body: body ?? {
        message: REASONS[status] ?? `Injected fault ${status}`,
        documentation_url: 'https://docs.github.com/rest',
        status: String(status),
      },
    };
  }

  /** Consumes and returns the delay (ms) for this request, 0 when none matches. */
  takeDelay(method: string, path: string): number {
    return take(this.#delays, method, path)?.ms ?? 0;
  }
}

function take<T extends FaultMatcher>(
  list: Armed<T>[],
  method: string,
  path: string,
): T | undefined {
  const index = list.findIndex((armed) => matches(armed.rule, method, path));
  const armed = list[index];
  if (armed === undefined) return undefined;
  armed.remaining -= 1;
  if (armed.remaining <= 0) list.splice(index, 1);
  return armed.rule;
}
