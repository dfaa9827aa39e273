import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { RateLimiter } from '../middleware/rate-limit';
import { createRateLimiters, TENANT_CHAT_MULTIPLIER } from './create-rate-limiters';

const logger = pino({ level: 'silent' });

/** How many hits on one key pass before the first refusal. */
async function capacity(limiter: RateLimiter, key = 'k', max = 5_000) {
  for (let i = 0; i < max; i++) if (!(await limiter.hit(key)).allowed) return i;
  return max;
}

describe('createRateLimiters', () => {
  it('builds in-memory limiters with the configured per-minute limits when there is no Redis', async () => {
    const limiters = createRateLimiters(
      { rateLimitPerMinute: 30, sessionRateLimitPerMinute: 60, apiRateLimitPerMinute: 1000 },
      undefined,
      { logger },
    );
    expect(limiters.store).toBe('memory');
    expect(await capacity(limiters.chat)).toBe(30);
    expect(await capacity(limiters.session)).toBe(60);
    expect(await capacity(limiters.api)).toBe(1000);
    expect(await capacity(limiters.tenantChat)).toBe(30 * TENANT_CHAT_MULTIPLIER);
  });

  it('keeps a separate count per limit for the same key', async () => {
    const limiters = createRateLimiters(
      { rateLimitPerMinute: 1, sessionRateLimitPerMinute: 1, apiRateLimitPerMinute: 1 },
      undefined,
      { logger },
    );
    expect((await limiters.chat.hit('t:a')).allowed).toBe(true);
    expect((await limiters.chat.hit('t:a')).allowed).toBe(false);
    expect((await limiters.api.hit('t:a')).allowed).toBe(true);
    expect((await limiters.session.hit('t:a')).allowed).toBe(true);
  });

  it('takes an explicit tenant ceiling over the multiple, and windows of a minute', async () => {
    let t = 0;
    const limiters = createRateLimiters(
      {
        rateLimitPerMinute: 5,
        sessionRateLimitPerMinute: 5,
        apiRateLimitPerMinute: 5,
        tenantChatRateLimitPerMinute: 7,
      },
      undefined,
      { logger, now: () => t },
    );
    expect(await capacity(limiters.tenantChat)).toBe(7);
    t = 59_999;
    expect((await limiters.tenantChat.hit('k')).allowed).toBe(false);
    t = 60_000;
    expect((await limiters.tenantChat.hit('k')).allowed).toBe(true);
  });
});
