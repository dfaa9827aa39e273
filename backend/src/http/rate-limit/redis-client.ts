import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface RedisClientOptions {
  /** Connect on the first command (tests probe with a short timeout) instead of at once. */
  lazyConnect?: boolean;
  connectTimeoutMs?: number;
  /** CLIENT SETNAME, so `CLIENT LIST` shows whose connection it is. */
  connectionName?: string;
}

/**
 * An ioredis client tuned for a request path: a command fails fast instead of waiting in a queue
 * while Redis is away, so the rate limiter can fall back at once; reconnects go on in the
 * background. Errors are logged by code only: the URL may carry a password.
 * @example const redis = createRedisClient(config.redisUrl, logger)
 */
export function createRedisClient(
  url: string,
  logger: Logger,
  options: RedisClientOptions = {},
): Redis {
  const redis = new Redis(url, {
    lazyConnect: options.lazyConnect ?? false,
    connectionName: options.connectionName ?? 'wagechat',
    connectTimeout: options.connectTimeoutMs ?? 2_000,
    // No offline queue: while disconnected a command rejects now rather than holding a request.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // A connected but stalled Redis must not stall chat either.
    commandTimeout: 500,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  });
  let lastLogged = 0;
  redis.on('error', (err: Error & { code?: string }) => {
    // Reconnect attempts fail every few seconds during an outage: one line a minute is enough.
    const t = Date.now();
    if (t - lastLogged < 60_000) return;
    lastLogged = t;
    logger.warn({ err_code: err.code ?? err.name }, 'Redis connection error');
  });
  return redis;
}

/**
 * A client that has tried to connect once: deps.ts waits for it so the first requests after start
 * count in Redis, but a Redis that is down does not stop the server starting (limits fall back to
 * memory until it answers; ioredis keeps reconnecting).
 * @example const redis = await openRedisClient(config.redisUrl, logger)
 */
export async function openRedisClient(url: string, logger: Logger): Promise<Redis> {
  const redis = createRedisClient(url, logger, { lazyConnect: true });
  try {
    await redis.connect();
  } catch (err) {
    logger.warn(
      { err_code: (err as { code?: string }).code ?? 'connect_failed' },
      'Redis not reachable at start; rate limits stay in memory until it answers',
    );
  }
  return redis;
}

/** Closes a client politely (QUIT), or at once if Redis does not answer within a second. */
export async function closeRedisClient(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  const timer = setTimeout(() => redis.disconnect(), 1_000);
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  } finally {
    clearTimeout(timer);
  }
}
