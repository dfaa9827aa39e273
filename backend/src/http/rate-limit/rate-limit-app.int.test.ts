import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestDeps } from '../../deps';
import {
  closeTestRedis,
  connectTestRedis,
  deleteKeys,
  TEST_REDIS_URL,
  uniqueTestPrefix,
} from '../../testing/redis/test-redis';
import { createRateLimiters } from './create-rate-limiters';

const redis = await connectTestRedis();
const prefix = uniqueTestPrefix();

afterAll(async () => {
  if (redis) await deleteKeys(redis, prefix);
  await closeTestRedis(redis);
});

async function visitor(app: ReturnType<typeof createApp>) {
  const res = await app.request('/api/v1/auth/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'demo' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

function send(app: ReturnType<typeof createApp>, token: string, message = 'When is payday?') {
  return app.request('/api/v1/chat/message', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify({ message }),
  });
}

/** Connections the server opened (tests name theirs `wagechat-test`). */
async function serverConnections(r: Redis) {
  const list = (await r.client('LIST')) as string;
  return list.split('\n').filter((line) => / name=wagechat /.test(`${line} `)).length;
}

describe.skipIf(!redis)('chat rate limits in Redis, through the app', () => {
  const r = redis as Redis;

  it('refuses the 31st chat message in a minute with 429 and Retry-After; others still chat', async () => {
    const deps = await createTestDeps();
    try {
      // The real app with its limiters in Redis, under this run's own prefix.
      deps.limiters = createRateLimiters(deps.config, r, { logger: deps.logger, prefix });
      const app = createApp(deps);
      const token = await visitor(app);
      for (let i = 1; i <= 30; i++)
        expect((await send(app, token)).status, `message ${i}`).toBe(200);
      const refused = await send(app, token);
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const body = (await refused.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('rate_limited');
      expect(JSON.stringify(body)).not.toContain('payday');
      expect((await send(app, await visitor(app))).status).toBe(200);
      const keys = await r.keys(`${prefix}:*`);
      expect(keys.some((k) => k.startsWith(`${prefix}:chat:`))).toBe(true);
      expect(keys.some((k) => k.startsWith(`${prefix}:tenantChat:`))).toBe(true);
    } finally {
      await deps.close();
    }
  });

  it('uses Redis when REDIS_URL is set and closes its connection on deps.close()', async () => {
    const before = await serverConnections(r);
    const deps = await createTestDeps({ REDIS_URL: TEST_REDIS_URL });
    expect(deps.limiters.store).toBe('redis');
    expect(await serverConnections(r)).toBe(before + 1);
    await deps.close();
    expect(await serverConnections(r)).toBe(before);
  });
});

describe('a REDIS_URL where nothing answers', () => {
  it('still starts, limits chat per replica in memory, and closes', async () => {
    const deps = await createTestDeps({
      REDIS_URL: 'redis://127.0.0.1:1',
      WAGECHAT_RATE_LIMIT_PER_MINUTE: '2',
    });
    try {
      expect(deps.limiters.store).toBe('redis');
      const app = createApp(deps);
      const token = await visitor(app);
      expect((await send(app, token)).status).toBe(200);
      expect((await send(app, token)).status).toBe(200);
      const refused = await send(app, token);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await deps.close();
    }
  });
});
