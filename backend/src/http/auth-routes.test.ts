import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp } from '../app';
import { createTestDeps, type Deps } from '../deps';

let deps: Deps;
beforeEach(async () => {
  // Two proxies (a CDN, then the ALB at 10.0.0.1): the client is the second entry from the right.
  deps = await createTestDeps({ WAGECHAT_SESSION_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '2' });
});
afterEach(async () => {
  await deps.close();
});

it('limits new sessions per client address, so nobody can mint tokens without end', async () => {
  const app = createApp(deps);
  const open = (ip: string) =>
    app.request('/api/v1/auth/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `${ip}, 10.0.0.1` },
      body: JSON.stringify({ tenant: 'demo' }),
    });
  for (let i = 0; i < 3; i++) expect((await open('203.0.113.7')).status).toBe(201);
  const limited = await open('203.0.113.7');
  expect(limited.status).toBe(429);
  expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await open('198.51.100.20')).status).toBe(201);
});
