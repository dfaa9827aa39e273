import { afterEach, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestDeps, type Deps } from '../../deps';

let deps: Deps | undefined;
afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

async function appWith(env: Record<string, string>) {
  deps = await createTestDeps(env);
  return createApp(deps);
}

async function visitor(app: ReturnType<typeof createApp>) {
  const res = await app.request('/api/v1/auth/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'demo' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

function send(app: ReturnType<typeof createApp>, token: string) {
  return app.request('/api/v1/chat/message', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify({ message: 'When is payday?' }),
  });
}

async function expectRateLimited(res: Response) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
}

it('caps a tenant at 20x the per-person chat limit, however many visitors it has', async () => {
  const app = await appWith({ WAGECHAT_RATE_LIMIT_PER_MINUTE: '1' });
  for (let i = 0; i < 20; i++) expect((await send(app, await visitor(app))).status).toBe(200);
  await expectRateLimited(await send(app, await visitor(app)));
});

it('limits every other API call per caller, each caller on its own count', async () => {
  const app = await appWith({ WAGECHAT_API_RATE_LIMIT_PER_MINUTE: '3' });
  const alice = await visitor(app);
  const history = (token: string) =>
    app.request('/api/v1/chat/history/00000000-0000-4000-8000-000000000000', {
      headers: { authorization: `Bearer ${token}` },
    });
  for (let i = 0; i < 3; i++) expect((await history(alice)).status).toBe(404);
  await expectRateLimited(await history(alice));
  // Sessions count per address under the same limit: this is the address's 2nd.
  expect((await history(await visitor(app))).status).toBe(404);
});

it('limits unauthenticated calls per address', async () => {
  const app = await appWith({ WAGECHAT_API_RATE_LIMIT_PER_MINUTE: '2' });
  await visitor(app);
  await visitor(app);
  await expectRateLimited(
    await app.request('/api/v1/auth/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'demo' }),
    }),
  );
});
