import { describe, expect, it } from 'vitest';
import { answerStream, createFakeChatServer } from '../../test/fake-chat-server';
import { createApiClient } from './client';

const api = 'https://chat.example.com';
/** A portal token as the widget sees it: only `sub` is read (the server verifies the rest). */
const portalToken = (sub: string, n = 1) =>
  `eyJhbGciOiJIUzI1NiJ9.${btoa(JSON.stringify({ sub, n })).replace(/=+$/, '')}.sig`;

function setup() {
  const server = createFakeChatServer();
  const data = new Map<string, string>();
  const storage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
  const client = createApiClient({ api, tenant: 'acme', fetch: server.fetch, storage });
  const sessions = () => server.requests.filter((r) => r.path === '/api/v1/auth/session');
  const send = async () => {
    server.reply({ kind: 'stream', chunks: [answerStream({ text: 'ok' })] });
    return client.sendMessage({ message: 'hi' }, () => undefined);
  };
  return { server, client, data, sessions, send };
}

describe('identify', () => {
  it('exchanges the portal token for a customer session, never renewing the visitor into it', async () => {
    const { client, sessions, send, server } = setup();
    await send();
    expect(client.identify(portalToken('ana'))).toBe(true);
    await send();
    const [visitor, customer] = sessions();
    expect(visitor?.body).toEqual({ tenant: 'acme' });
    expect(customer?.body).toEqual({ tenant: 'acme', customer_token: portalToken('ana') });
    expect(customer?.headers.authorization).toBeUndefined();
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer t2');
  });

  it('keeps the session when the same person identifies again, and changes it for another', async () => {
    const { client, sessions, send } = setup();
    client.identify(portalToken('ana'));
    await send();
    expect(client.identify(portalToken('ana', 2))).toBe(false);
    await send();
    expect(sessions()).toHaveLength(1);
    expect(client.identify(portalToken('bob'))).toBe(true);
    await send();
    expect(sessions().at(-1)?.body).toEqual({ tenant: 'acme', customer_token: portalToken('bob') });
  });

  it('signs out to a fresh visitor: no portal token, no old session as a renewal', async () => {
    const { client, sessions, send, data } = setup();
    client.identify(portalToken('ana'));
    await send();
    expect(client.identify(null)).toBe(true);
    expect(data.get('wagechat:acme:session')).toBeUndefined();
    await send();
    const last = sessions().at(-1);
    expect(last?.body).toEqual({ tenant: 'acme' });
    expect(last?.headers.authorization).toBeUndefined();
  });

  it('drops a session requested for the previous identity while it was in flight', async () => {
    const { client, sessions, server } = setup();
    server.reply({ kind: 'stream', chunks: [answerStream({ text: 'ok' })] });
    const sending = client.sendMessage({ message: 'hi' }, () => undefined);
    client.identify(portalToken('ana'));
    expect((await sending).ok).toBe(true);
    expect(sessions().map((r) => r.body)).toEqual([
      { tenant: 'acme' },
      { tenant: 'acme', customer_token: portalToken('ana') },
    ]);
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer t2');
  });
});
