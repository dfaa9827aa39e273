import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import { createMemoryRateLimiter, type RateLimiter } from '../middleware/rate-limit';
import { createRedisRateLimiter } from './redis-rate-limiter';

/** Every limit the API applies (§5.2), each counted separately. */
export interface RateLimiters {
  /** Where the counts live: one process, or Redis shared by every replica. */
  store: 'memory' | 'redis';
  /** Chat messages per person (customer or visitor), keyed by tenant and subject. */
  chat: RateLimiter;
  /** Chat messages per tenant, everyone together: a ceiling on a flood of fresh visitor ids. */
  tenantChat: RateLimiter;
  /** New sessions per client address. */
  session: RateLimiter;
  /** Every API call per caller: the verified principal, else the client address. */
  api: RateLimiter;
}

/**
 * The tenant-wide chat ceiling as a multiple of the per-person limit: 20 people at full speed
 * (600 a minute by default). A fixed ratio until tenants carry their own ceiling; a config value
 * (e.g. WAGECHAT_TENANT_RATE_LIMIT_PER_MINUTE) can replace it without touching callers.
 */
export const TENANT_CHAT_MULTIPLIER = 20;

export type RateLimitConfig = Pick<
  Config,
  'rateLimitPerMinute' | 'sessionRateLimitPerMinute' | 'apiRateLimitPerMinute'
> & {
  /** Overrides rateLimitPerMinute x TENANT_CHAT_MULTIPLIER. */
  tenantChatRateLimitPerMinute?: number;
};

export interface CreateRateLimitersOptions {
  logger: Logger;
  /** Redis key prefix (default `wagechat:rl`); tests isolate their runs with their own. */
  prefix?: string;
  now?: () => number;
}

const MINUTE_MS = 60_000;

/**
 * Builds every limiter from configuration: in memory by default, in Redis when a client is given
 * (deps.ts makes one when REDIS_URL is set), so all replicas count together.
 * @example const limiters = createRateLimiters(config, redis, { logger })
 */
export function createRateLimiters(
  config: RateLimitConfig,
  redis: Redis | undefined,
  options: CreateRateLimitersOptions,
): RateLimiters {
  const perMinute = {
    chat: config.rateLimitPerMinute,
    tenantChat:
      config.tenantChatRateLimitPerMinute ?? config.rateLimitPerMinute * TENANT_CHAT_MULTIPLIER,
    session: config.sessionRateLimitPerMinute,
    api: config.apiRateLimitPerMinute,
  };
  const build = (name: keyof typeof perMinute): RateLimiter => {
    const limit = perMinute[name];
    if (!redis) return createMemoryRateLimiter({ limit, windowMs: MINUTE_MS, now: options.now });
    return createRedisRateLimiter({
      redis,
      name,
      limit,
      windowMs: MINUTE_MS,
      logger: options.logger,
      prefix: options.prefix,
      now: options.now,
    });
  };
  return {
    store: redis ? 'redis' : 'memory',
    chat: build('chat'),
    tenantChat: build('tenantChat'),
    session: build('session'),
    api: build('api'),
  };
}
