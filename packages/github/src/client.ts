import Bottleneck from 'bottleneck';
import { Octokit } from 'octokit';

/** The octokit client every `@repo/github` function takes (REST, pagination, retry, throttling). */
export type GitHubClient = Octokit;

/** Where the client reports retries and rate limits; `console` fits. */
export interface GitHubLog {
  debug(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

export interface GitHubClientOptions {
  readonly token: string;
  /** REST API root; `https://api.github.com` when omitted (`${GITHUB_API_URL}` in Actions). */
  readonly baseUrl?: string;
  readonly log?: GitHubLog;
  /** How many times a request is retried after a 5xx or a rate limit (default 3). */
  readonly retries?: number;
  /** Milliseconds per second of `retry-after` (default 1000; tests set it low). */
  readonly retryAfterBaseMs?: number;
  readonly throttle?: {
    /** Default true. Disabled, rate-limit answers (403/429) fail instead of being waited out. */
    readonly enabled?: boolean;
    /**
     * Minimum milliseconds between two writes (octokit's default is 1000; 3000 for
     * notification-triggering writes). Lower it only against an emulator.
     */
    readonly minimumWaitMs?: number;
  };
}

const quietLog: GitHubLog = {
  debug: () => {},
  info: () => {},
  warn: (message, ...rest) => console.warn(message, ...rest),
  error: (message, ...rest) => console.error(message, ...rest),
};

/**
 * THE client factory: an `Octokit` from `octokit` (which bundles the retry and throttling
 * plugins). 5xx answers are retried up to `retries` times; primary and secondary rate limits
 * are waited out (the wait GitHub asks for) up to `retries` times, each logged as a warning.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const retries = options.retries ?? 3;
  const log = options.log ?? quietLog;
  const retryAfterBaseValue = options.retryAfterBaseMs ?? 1000;
  const throttleEnabled = options.throttle?.enabled ?? true;
  const minTime = options.throttle?.minimumWaitMs;
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      count: number,
    ) => {
      const retry = count < retries;
      log.warn(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}: ${
          retry ? `retrying in ${retryAfter} s (retry ${count + 1} of ${retries})` : 'giving up'
        }`,
      );
      return retry;
    };
  const group = (id: string) =>
    new Bottleneck.Group({ id: `repo-github-${id}`, maxConcurrent: 1, minTime: minTime ?? 0 });
  return new Octokit({
    auth: options.token,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    log,
    retry: { retries, retryAfterBaseValue },
    throttle: throttleEnabled
      ? {
          retryAfterBaseValue,
          onRateLimit: onLimit('primary'),
          onSecondaryRateLimit: onLimit('secondary'),
          ...(minTime === undefined
            ? {}
            : {
                write: group('write'),
                search: group('search'),
                notifications: group('notifications'),
              }),
        }
      : { enabled: false },
  });
}
