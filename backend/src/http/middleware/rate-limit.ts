import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../errors';
import type { AppEnv } from '../env';

/** Counts hits per key in fixed windows. In-process here; a Redis one serves many replicas. */
export interface RateLimiter {
  /** Records one hit; returns whether it is allowed and when the window resets. */
  hit(key: string): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

export interface MemoryRateLimiterOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
}

export function createMemoryRateLimiter(options: MemoryRateLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    async hit(key) {
      const t = now();
      let window = windows.get(key);
      if (!window || t - window.start >= options.windowMs) {
        // Dropping stale windows on the way keeps the map from growing with every visitor ever seen.
        if (windows.size > 10_000) {
          for (const [k, w] of windows) if (t - w.start >= options.windowMs) windows.delete(k);
        }
        window = { start: t, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((window.start + options.windowMs - t) / 1000),
      );
      return { allowed: window.count <= options.limit, retryAfterSeconds };
    },
  };
}

/** Whose hits count together: by default the verified caller (so it runs after requireAuth). */
export type RateLimitKey = (c: Context<AppEnv>) => string;

const byPrincipal: RateLimitKey = (c) =>
  `${c.get('principal').tenantId}:${c.get('principal').subject}`;

/**
 * 429 with Retry-After once a caller passes the limit.
 * @example api.use('/auth/session', rateLimit(limiter, (c) => `ip:${clientIp(c)}`))
 */
export function rateLimit(
  limiter: RateLimiter,
  key: RateLimitKey = byPrincipal,
): MiddlewareHandler<AppEnv> {
  return async function rateLimitMiddleware(c, next) {
    const { allowed, retryAfterSeconds } = await limiter.hit(key(c));
    if (!allowed) {
      throw new AppError('rate_limited', 'Too many requests; please wait a moment and try again.', {
        details: { retry_after_s: retryAfterSeconds },
      });
    }
    await next();
  };
}
