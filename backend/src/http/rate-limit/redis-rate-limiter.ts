import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createMemoryRateLimiter, type RateLimiter } from '../middleware/rate-limit';

/**
 * One hit in one round trip: count, start the window on the first hit, read what is left of it.
 * A Lua script rather than MULTI so the reply carries the TTL we answer Retry-After with, and so
 * a key that somehow lost its TTL (a manual INCR, a restore) gets one instead of blocking forever.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

const COMMAND = 'wagechatRateHit';

type WithHitCommand = Redis & {
  [COMMAND](key: string, windowMs: number): Promise<[number, number]>;
};

export interface RedisRateLimiterOptions {
  redis: Redis;
  /** The limit's name in the key (`chat`, `session`, ...), so limits never share counters. */
  name: string;
  limit: number;
  windowMs: number;
  /** Warned once per outage (no keys: they name people and addresses). */
  logger: Logger;
  /** Key prefix; tests pass a unique one per run. */
  prefix?: string;
  /** After a Redis failure, stay on the local limiter this long before trying Redis again. */
  retryRedisAfterMs?: number;
  now?: () => number;
}

/**
 * A fixed-window counter in Redis, shared by every replica: key `<prefix>:<name>:<hashed key>`.
 *
 * Fixed rather than sliding: one INCR per hit and one small key per caller, the same semantics
 * as the memory limiter (so behaviour does not change with REDIS_URL), and Retry-After is exact.
 * The cost is a burst of up to 2x the limit across a window edge, which is harmless for limits
 * meant to stop floods (30 messages a minute), not to meter billing.
 *
 * When Redis fails it fails OPEN onto a per-replica memory limiter with the same limit. For a
 * workers' pay chat, refusing every message because a cache is down (fail closed) would turn a
 * Redis outage into a chat outage; dropping limits entirely would let anyone who notices flood
 * the model at our expense. Local limits keep each replica bounded (at most replicas x limit).
 *
 * @example createRedisRateLimiter({ redis, name: 'chat', limit: 30, windowMs: 60_000, logger })
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const prefix = `${options.prefix ?? 'wagechat:rl'}:${options.name}:`;
  const retryRedisAfterMs = options.retryRedisAfterMs ?? 1_000;
  const fallback = createMemoryRateLimiter({
    limit: options.limit,
    windowMs: options.windowMs,
    now,
  });
  options.redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: HIT_SCRIPT });
  const redis = options.redis as WithHitCommand;
  let redisDownUntil = 0;
  let outage = false;

  return {
    async hit(key) {
      if (now() < redisDownUntil) return fallback.hit(key);
      try {
        const [count, ttlMs] = await redis[COMMAND](prefix + hashKey(key), options.windowMs);
        if (outage) {
          outage = false;
          options.logger.info({ limit: options.name }, 'rate limiter: Redis is back');
        }
        return {
          allowed: count <= options.limit,
          retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)),
        };
      } catch (err) {
        redisDownUntil = now() + retryRedisAfterMs;
        if (!outage) {
          outage = true;
          options.logger.warn(
            { limit: options.name, err_code: errorCode(err) },
            'rate limiter: Redis unavailable; limiting per replica in memory until it answers',
          );
        }
        return fallback.hit(key);
      }
    },
  };
}

/**
 * Keys name a tenant and a subject or an address: personal data we keep out of Redis (and out of
 * MONITOR and dumps). A hash also bounds the key length whatever a portal puts in `sub`.
 */
function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 27);
}

function errorCode(err: unknown): string {
  if (err && typeof err === 'object') {
    const { code, name } = err as { code?: unknown; name?: unknown };
    if (typeof code === 'string') return code;
    if (typeof name === 'string') return name;
  }
  return 'unknown';
}
