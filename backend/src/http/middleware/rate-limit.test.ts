import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../env';
import { handleError } from './errors';
import { createMemoryRateLimiter, rateLimit } from './rate-limit';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createMemoryRateLimiter', () => {
  it('allows up to the limit in a window, then refuses with the seconds left', async () => {
    const c = clock();
    const rl = createMemoryRateLimiter({ limit: 2, windowMs: 60_000, now: c.now });
    expect(await rl.hit('a')).toEqual({ allowed: true, retryAfterSeconds: 60 });
    c.advance(15_500);
    expect(await rl.hit('a')).toEqual({ allowed: true, retryAfterSeconds: 45 });
    expect(await rl.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    c.advance(44_000);
    expect(await rl.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('starts a new window once the old one has passed', async () => {
    const c = clock();
    const rl = createMemoryRateLimiter({ limit: 1, windowMs: 1_000, now: c.now });
    expect((await rl.hit('a')).allowed).toBe(true);
    expect((await rl.hit('a')).allowed).toBe(false);
    c.advance(1_000);
    expect((await rl.hit('a')).allowed).toBe(true);
  });

  it('counts each key on its own', async () => {
    const rl = createMemoryRateLimiter({ limit: 1, windowMs: 60_000 });
    expect((await rl.hit('t1:a')).allowed).toBe(true);
    expect((await rl.hit('t1:b')).allowed).toBe(true);
    expect((await rl.hit('t2:a')).allowed).toBe(true);
    expect((await rl.hit('t1:a')).allowed).toBe(false);
  });

  it('still limits live keys after sweeping stale ones from a crowded map', async () => {
    const c = clock();
    const rl = createMemoryRateLimiter({ limit: 1, windowMs: 1_000, now: c.now });
    for (let i = 0; i < 10_002; i++) await rl.hit(`old-${i}`);
    c.advance(500);
    await rl.hit('live');
    c.advance(600); // old-* are stale now, live is not
    await rl.hit('newcomer'); // triggers the sweep
    expect((await rl.hit('live')).allowed).toBe(false);
    expect((await rl.hit('old-1')).allowed).toBe(true);
  });
});

describe('rateLimit middleware', () => {
  it('answers 429 rate_limited with Retry-After once the key is over its limit', async () => {
    const app = new Hono<AppEnv>();
    const rl = createMemoryRateLimiter({ limit: 1, windowMs: 60_000 });
    app.use(
      '*',
      rateLimit(rl, (c) => c.req.header('x-who') ?? 'anon'),
    );
    app.get('/', (c) => c.text('ok'));
    app.onError(handleError);
    expect((await app.request('/', { headers: { 'x-who': 'a' } })).status).toBe(200);
    const refused = await app.request('/', { headers: { 'x-who': 'a' } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    const body = (await refused.json()) as { error: { code: string } };
    expect(body.error.code).toBe('rate_limited');
    expect((await app.request('/', { headers: { 'x-who': 'b' } })).status).toBe(200);
  });
});
