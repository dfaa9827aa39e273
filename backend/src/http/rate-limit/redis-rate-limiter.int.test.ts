import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startTcpProxy } from '../../testing/redis/tcp-proxy';
import {
  closeTestRedis,
  connectTestRedis,
  deleteKeys,
  TEST_REDIS_URL,
  uniqueTestPrefix,
} from '../../testing/redis/test-redis';
import { closeRedisClient, createRedisClient } from './redis-client';
import { createRedisRateLimiter, type RedisRateLimiterOptions } from './redis-rate-limiter';

const redis = await connectTestRedis();
const prefix = uniqueTestPrefix();
const silent = pino({ level: 'silent' });
const extraClients: Redis[] = [];

afterEach(async () => {
  await Promise.all(extraClients.splice(0).map(closeRedisClient));
});
afterAll(async () => {
  if (redis) await deleteKeys(redis, prefix);
  await closeTestRedis(redis);
});

function limiter(client: Redis, options: Partial<RedisRateLimiterOptions> = {}) {
  return createRedisRateLimiter({
    redis: client,
    name: 'chat',
    limit: 3,
    windowMs: 60_000,
    logger: silent,
    prefix,
    ...options,
  });
}

async function newClient(url = TEST_REDIS_URL, logger = silent) {
  const client = createRedisClient(url, logger, {
    lazyConnect: true,
    connectionName: 'wagechat-test',
  });
  extraClients.push(client);
  await client.connect();
  return client;
}

describe.skipIf(!redis)('createRedisRateLimiter against the real Redis', () => {
  const r = redis as Redis;

  it('allows up to the limit, then refuses with the Retry-After left in the window', async () => {
    const rl = limiter(r);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await rl.hit('t1:alice'));
    expect(results.map((x) => x.allowed)).toEqual([true, true, true, false, false]);
    for (const { retryAfterSeconds } of results) {
      expect(retryAfterSeconds).toBeGreaterThanOrEqual(59);
      expect(retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    // The key names neither the tenant nor the person, and it expires with the window.
    const keys = await r.keys(`${prefix}:chat:*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain('alice');
    const ttl = await r.pttl(keys[0] as string);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('starts a fresh window once the old one expires', async () => {
    const rl = limiter(r, { name: 'short', limit: 2, windowMs: 300 });
    expect((await rl.hit('k')).allowed).toBe(true);
    expect((await rl.hit('k')).allowed).toBe(true);
    const refused = await rl.hit('k');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1 });
    await sleep(400);
    expect((await rl.hit('k')).allowed).toBe(true);
  });

  it('shares one count between two replicas (two clients, two limiters)', async () => {
    const a = limiter(r, { name: 'replicas' });
    const b = limiter(await newClient(), { name: 'replicas' });
    expect((await a.hit('t1:bob')).allowed).toBe(true);
    expect((await b.hit('t1:bob')).allowed).toBe(true);
    expect((await a.hit('t1:bob')).allowed).toBe(true);
    expect((await b.hit('t1:bob')).allowed).toBe(false);
    expect((await a.hit('t1:bob')).allowed).toBe(false);
  });

  it('keeps people, tenants and limits apart', async () => {
    const chat = limiter(r, { name: 'apart', limit: 1 });
    const session = limiter(r, { name: 'apart-session', limit: 1 });
    expect((await chat.hit('t1:carol')).allowed).toBe(true);
    expect((await chat.hit('t1:carol')).allowed).toBe(false);
    expect((await chat.hit('t1:dave')).allowed).toBe(true);
    expect((await chat.hit('t2:carol')).allowed).toBe(true);
    expect((await session.hit('t1:carol')).allowed).toBe(true);
  });

  it('allows exactly the limit out of 100 parallel hits from two replicas', async () => {
    const a = limiter(r, { name: 'burst', limit: 10 });
    const b = limiter(await newClient(), { name: 'burst', limit: 10 });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).hit('t1:erin')),
    );
    expect(results.filter((x) => x.allowed)).toHaveLength(10);
  });

  it('falls back to per-replica memory limits when Redis goes away, and back when it returns', async () => {
    const { hostname, port } = new URL(TEST_REDIS_URL);
    const proxy = await startTcpProxy(Number(port || 6379), hostname);
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const client = await newClient(`redis://127.0.0.1:${proxy.port}`);
    const rl = limiter(client, { name: 'outage', logger, retryRedisAfterMs: 50 });
    const who = 'tenant-x:subject-frank-1234';
    try {
      expect((await rl.hit(who)).allowed).toBe(true);
      expect((await rl.hit(who)).allowed).toBe(true); // Redis: 2 of 3

      await proxy.stop();
      await waitFor(() => client.status !== 'ready');
      const during = [];
      for (let i = 0; i < 4; i++) during.push((await rl.hit(who)).allowed);
      // Open, but still limited: the local counter allows 3 and refuses the 4th.
      expect(during).toEqual([true, true, true, false]);

      await proxy.start();
      await waitFor(() => client.status === 'ready', 15_000);
      await sleep(60);
      // Redis again: its count (2) continues, not the local one.
      expect((await rl.hit(who)).allowed).toBe(true);
      expect((await rl.hit(who)).allowed).toBe(false);
    } finally {
      await proxy.stop();
    }
    const warnings = lines.filter((l) => l.includes('Redis unavailable'));
    expect(warnings).toHaveLength(1);
    expect(lines.some((l) => l.includes('Redis is back'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/frank|tenant-x/);
  });

  it('answers from memory within the command timeout when Redis stalls without closing', async () => {
    const { hostname, port } = new URL(TEST_REDIS_URL);
    const proxy = await startTcpProxy(Number(port || 6379), hostname);
    const client = await newClient(`redis://127.0.0.1:${proxy.port}`);
    const rl = limiter(client, { name: 'stall', limit: 1, retryRedisAfterMs: 60_000 });
    try {
      expect((await rl.hit('t1:gina')).allowed).toBe(true);
      proxy.stall(true);
      const started = Date.now();
      // The local window is fresh, so the first stalled hit passes, the next is refused.
      expect((await rl.hit('t1:gina')).allowed).toBe(true);
      const waited = Date.now() - started;
      expect((await rl.hit('t1:gina')).allowed).toBe(false);
      // commandTimeout (500 ms), not forever; and the next hit does not wait again.
      expect(waited).toBeGreaterThanOrEqual(400);
      expect(waited).toBeLessThan(2_000);
      expect(Date.now() - started - waited).toBeLessThan(100);
    } finally {
      proxy.stall(false);
      await proxy.stop();
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await sleep(20);
  }
}
