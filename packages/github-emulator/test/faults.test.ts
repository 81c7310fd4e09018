import { describe, expect, it } from 'vitest';
import { FaultInjector, SECONDARY_RATE_LIMIT_MESSAGE } from '../src/index';

describe('FaultInjector', () => {
  it('applies a fault to the given number of matching requests, then stops', () => {
    const faults = new FaultInjector();
    faults.inject({ method: 'post', path: /\/releases$/, status: 502, times: 2 });
    expect(faults.takeFault('GET', '/repos/a/b/releases')).toBeUndefined();
    expect(faults.takeFault('POST', '/repos/a/b/releases')?.status).toBe(502);
    expect(faults.pending).toBe(1);
    expect(faults.takeFault('POST', '/repos/a/b/releases')?.body).toMatchObject({
      message: 'Server Error',
    });
    expect(faults.takeFault('POST', '/repos/a/b/releases')).toBeUndefined();
  });

  it('builds a secondary rate limit with retry-after and GitHub’s message', () => {
    const faults = new FaultInjector();
    faults.secondaryRateLimit({ retryAfter: 2 });
    const fault = faults.takeFault('GET', '/anything');
    expect(fault?.status).toBe(403);
    expect(fault?.headers['retry-after']).toBe('2');
    expect(fault?.body).toMatchObject({ message: SECONDARY_RATE_LIMIT_MESSAGE });
    expect(SECONDARY_RATE_LIMIT_MESSAGE).toMatch(/^You have exceeded a secondary rate limit/);
  });

  it('consumes delays separately from faults and clears both', () => {
    const faults = new FaultInjector();
    faults.delay({ path: '/rate_limit', ms: 25 });
    faults.inject({ status: 500 });
    expect(faults.takeDelay('GET', '/other')).toBe(0);
    expect(faults.takeDelay('GET', '/rate_limit')).toBe(25);
    faults.clear();
    expect(faults.pending).toBe(0);
    expect(faults.takeFault('GET', '/x')).toBeUndefined();
  });
});
