/**
 * The real Redis for *.int.test.ts: REDIS_URL, else 127.0.0.1:6379. When none answers the tests
 * skip, and say so out loud: a Redis test that passes without Redis proves nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import pino from 'pino';
import { closeRedisClient, createRedisClient } from '../../http/rate-limit/redis-client';

/** Where the Redis tests look. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const silent = pino({ level: 'silent' });

/**
 * A connected client, or null after printing why the caller will skip.
 * @example const redis = await connectTestRedis(); describe.skipIf(!redis)(...)
 */
export async function connectTestRedis(url = TEST_REDIS_URL): Promise<Redis | null> {
  const redis = createRedisClient(url, silent, {
    lazyConnect: true,
    connectTimeoutMs: 1_000,
    connectionName: 'wagechat-test',
  });
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch {
    redis.disconnect();
    console.warn(
      `Redis not reachable at REDIS_URL/127.0.0.1:6379 (${redactUrl(url)}): skipping the Redis rate-limit tests`,
    );
    return null;
  }
}

/** A key prefix no other run (or replica of this one) shares. */
export function uniqueTestPrefix(): string {
  return `wagechat-test:${randomUUID()}:rl`;
}

/** Deletes every key under a prefix, so test runs leave Redis as they found it. */
export async function deleteKeys(redis: Redis, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}

/** Closes a test client (safe on null). */
export async function closeTestRedis(redis: Redis | null): Promise<void> {
  if (redis) await closeRedisClient(redis);
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
