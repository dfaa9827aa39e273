import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { signWebhook } from '../../security/webhook-signature';
import type { AppEnv } from '../env';
import { handleError } from './errors';
import { requireSignedWebhook } from './webhook-auth';

const secret = 'zendesk-hook-secret-0123456789abcdef';

function app() {
  const hono = new Hono<AppEnv>();
  hono.use(
    '/hooks/*',
    requireSignedWebhook({ secrets: [secret], tenantId: 'acme', system: 'zendesk' }),
  );
  hono.post('/hooks/zendesk', async (c) =>
    c.json({ principal: c.get('principal'), body: await c.req.json() }),
  );
  hono.onError(handleError);
  return hono;
}

const send = (body: string, signature: string | null, ts = Math.floor(Date.now() / 1000)) =>
  app().request('/hooks/zendesk', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-wagechat-timestamp': String(ts),
      ...(signature ? { 'x-wagechat-signature': signature } : {}),
    },
    body,
  });

describe('requireSignedWebhook', () => {
  it('gives a signed request a system principal and leaves the body readable', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const body = '{"ticket_id":7}';
    const res = await send(body, signWebhook(secret, ts, body), ts);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      principal: { role: 'system', tenantId: 'acme', subject: 'zendesk', origin: null },
      body: { ticket_id: 7 },
    });
  });

  it('refuses unsigned and tampered requests with 401 and no detail of the secret', async () => {
    const ts = Math.floor(Date.now() / 1000);
    for (const res of [
      await send('{"ticket_id":7}', null),
      await send('{"ticket_id":8}', signWebhook(secret, ts, '{"ticket_id":7}'), ts),
    ]) {
      expect(res.status).toBe(401);
      const text = await res.text();
      expect(JSON.parse(text).error.code).toBe('unauthorized');
      expect(text).not.toContain(secret);
      expect(text).not.toMatch(/at .*\.ts/);
    }
  });
});
