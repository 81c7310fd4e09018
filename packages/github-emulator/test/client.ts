import { Octokit } from 'octokit';
import type { Emulator } from '../src/index';

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * An octokit@5 client for the emulator. Retries wait `retryAfterBaseValue` ms per second GitHub
 * asks for, so tests stay fast. Throttling is off unless asked for: the plugin spaces writes
 * 1 s apart, which would slow every test that creates objects.
 */
export function clientFor(
  emulator: Emulator,
  options: { throttle?: boolean; onSecondaryRateLimit?: (retryAfter: number) => void } = {},
): Octokit {
  return new Octokit({
    auth: 'test-token',
    baseUrl: emulator.apiUrl,
    log: silent,
    retry: { retryAfterBaseValue: 5 },
    throttle: options.throttle
      ? {
          retryAfterBaseValue: 50,
          onRateLimit: () => true,
          onSecondaryRateLimit: (retryAfter: number) => {
            options.onSecondaryRateLimit?.(retryAfter);
            return true;
          },
        }
      : { enabled: false, onRateLimit: () => false, onSecondaryRateLimit: () => false },
  });
}
