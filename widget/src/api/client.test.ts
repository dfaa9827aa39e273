import { describe, expect, it } from 'vitest';
import { answerStream, createFakeChatServer } from '../../test/fake-chat-server';
import { createApiClient } from './client';
import type { ChatEvent } from './types';

const api = 'https://chat.example.com';

function setup() {
  const server = createFakeChatServer();
  const client = createApiClient({ api, tenant: 'demo', fetch: server.fetch });
  const events: ChatEvent[] = [];
  return { server, client, events, onEvent: (e: ChatEvent) => events.push(e) };
}

describe('createApiClient', () => {
  it('gets a visitor token, then streams the answer with the contract headers and body', async () => {
    const { server, client, events, onEvent } = setup();
    server.reply({ kind: 'stream', chunks: [answerStream({ text: 'Fee is $2.99.' })] });
    const result = await client.sendMessage({ message: 'fee?', conversationId: 'c_1' }, onEvent);
    expect(result).toEqual({ ok: true, value: undefined });
    const [session, chat] = server.requests;
    expect(session).toMatchObject({
      method: 'POST',
      path: '/api/v1/auth/session',
      body: { tenant: 'demo' },
    });
    expect(chat).toMatchObject({
      method: 'POST',
      path: '/api/v1/chat/message',
      body: { message: 'fee?', conversation_id: 'c_1' },
    });
    expect(chat?.headers.authorization).toBe('Bearer t1');
    expect(chat?.headers.accept).toBe('text/event-stream');
    expect(
      events
        .filter((e) => e.type === 'token')
        .map((e) => (e as { text: string }).text)
        .join(''),
    ).toBe('Fee is $2.99.');
  });

  it('leaves conversation_id out of a first message', async () => {
    const { server, client, onEvent } = setup();
    server.reply({ kind: 'stream', chunks: [answerStream({ text: 'x' })] });
    await client.sendMessage({ message: 'hi', conversationId: null }, onEvent);
    expect(server.requests[1]?.body).toEqual({ message: 'hi' });
  });

  it('reuses a live token and fetches a new one after a 401', async () => {
    const { server, client, onEvent } = setup();
    server.reply(
      { kind: 'stream', chunks: [answerStream({ text: 'a' })] },
      { kind: 'stream', chunks: [answerStream({ text: 'b' })] },
      { kind: 'stream', chunks: [answerStream({ text: 'c' })] },
    );
    await client.sendMessage({ message: '1' }, onEvent);
    await client.sendMessage({ message: '2' }, onEvent);
    expect(server.requests.filter((r) => r.path === '/api/v1/auth/session')).toHaveLength(1);
    server.revokeTokens();
    expect((await client.sendMessage({ message: '3' }, onEvent)).ok).toBe(true);
    const auth = server.requests
      .filter((r) => r.path === '/api/v1/chat/message')
      .map((r) => r.headers.authorization);
    expect(auth).toEqual(['Bearer t1', 'Bearer t1', 'Bearer t1', 'Bearer t2']);
  });

  it('renews with the previous token so the server keeps the visitor, or starts afresh if refused', async () => {
    const { server, client, onEvent } = setup();
    server.reply(
      { kind: 'stream', chunks: [answerStream({ text: 'a' })] },
      { kind: 'stream', chunks: [answerStream({ text: 'b' })] },
      { kind: 'stream', chunks: [answerStream({ text: 'c' })] },
    );
    await client.sendMessage({ message: '1' }, onEvent);
    server.revokeTokens();
    await client.sendMessage({ message: '2' }, onEvent);
    const sessions = server.requests.filter((r) => r.path === '/api/v1/auth/session');
    expect(sessions.map((r) => r.headers.authorization)).toEqual([undefined, 'Bearer t1']);
    server.revokeTokens();
    server.forgetRenewals();
    expect((await client.sendMessage({ message: '3' }, onEvent)).ok).toBe(true);
    const later = server.requests.filter((r) => r.path === '/api/v1/auth/session').slice(2);
    expect(later.map((r) => r.headers.authorization)).toEqual(['Bearer t2', undefined]);
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer t3');
  });

  it('renews a token that is about to expire before using it', async () => {
    const { server, client, onEvent } = setup();
    server.setTokenLifetime(10_000); // inside the 30 s renewal margin
    server.reply(
      { kind: 'stream', chunks: [answerStream({ text: 'a' })] },
      { kind: 'stream', chunks: [answerStream({ text: 'b' })] },
    );
    await client.sendMessage({ message: '1' }, onEvent);
    await client.sendMessage({ message: '2' }, onEvent);
    expect(server.requests.filter((r) => r.path === '/api/v1/auth/session')).toHaveLength(2);
  });

  it('keeps the visitor token in tab storage so a reload stays the same visitor', async () => {
    const server = createFakeChatServer();
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
    server.reply(
      { kind: 'stream', chunks: [answerStream({ text: 'a' })] },
      { kind: 'stream', chunks: [answerStream({ text: 'b' })] },
    );
    const before = createApiClient({ api, tenant: 'demo', fetch: server.fetch, storage });
    await before.sendMessage({ message: '1' }, () => undefined);
    const afterReload = createApiClient({ api, tenant: 'demo', fetch: server.fetch, storage });
    await afterReload.sendMessage({ message: '2' }, () => undefined);
    expect(server.requests.filter((r) => r.path === '/api/v1/auth/session')).toHaveLength(1);
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer t1');
    data.set('wagechat:demo:session', '{broken');
    const corrupted = createApiClient({ api, tenant: 'demo', fetch: server.fetch, storage });
    server.reply({ kind: 'stream', chunks: [answerStream({ text: 'c' })] });
    expect((await corrupted.sendMessage({ message: '3' }, () => undefined)).ok).toBe(true);
  });

  it('turns an error body into a typed failure with the request id', async () => {
    const { server, client, onEvent } = setup();
    server.reply({
      kind: 'status',
      status: 429,
      body: { error: { code: 'rate_limited', message: 'Too many requests', request_id: 'req_7' } },
    });
    expect(await client.sendMessage({ message: 'x' }, onEvent)).toEqual({
      ok: false,
      error: {
        code: 'rate_limited',
        message: 'Too many requests',
        status: 429,
        requestId: 'req_7',
      },
    });
  });

  it('falls back to the status when the error body is not ours', async () => {
    const { server, client, onEvent } = setup();
    server.reply({ kind: 'status', status: 413, body: '<html>too big</html>' });
    const result = await client.sendMessage({ message: 'x' }, onEvent);
    expect(result.ok === false && result.error.code).toBe('too_large');
  });

  it('reports a network failure as a result, not a rejection', async () => {
    const { server, client, onEvent } = setup();
    server.reply({ kind: 'network-error' });
    const result = await client.sendMessage({ message: 'x' }, onEvent);
    expect(result.ok === false && result.error.code).toBe('network');
  });

  it('reports a stream that stops before done, and an error event', async () => {
    const { server, client, onEvent } = setup();
    server.reply(
      { kind: 'stream', chunks: ['event: token\ndata: {"text":"half"}\n\n'] },
      {
        kind: 'stream',
        chunks: ['event: error\ndata: {"code":"internal","message":"Model crashed"}\n\n'],
      },
    );
    const cut = await client.sendMessage({ message: 'x' }, onEvent);
    expect(cut.ok === false && cut.error.code).toBe('stream_interrupted');
    const failed = await client.sendMessage({ message: 'y' }, onEvent);
    expect(failed).toEqual({ ok: false, error: { code: 'internal', message: 'Model crashed' } });
  });

  it('replays a JSON answer as the same events', async () => {
    const { server, client, events, onEvent } = setup();
    server.reply({
      kind: 'json',
      body: {
        conversation_id: 'c_2',
        message_id: 'm_2',
        answer: 'We will get back to you.',
        citations: [],
        confidence: 0.1,
        escalation: { status: 'pending' },
        response_time_ms: 5,
      },
    });
    expect((await client.sendMessage({ message: 'visa?' }, onEvent)).ok).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['meta', 'token', 'citations', 'escalation', 'done']);
  });

  it('fails cleanly when no session can be had', async () => {
    const client = createApiClient({
      api,
      tenant: 'nope',
      fetch: (async () =>
        new Response(JSON.stringify({ error: { code: 'not_found', message: 'Unknown tenant' } }), {
          status: 404,
        })) as typeof fetch,
    });
    const result = await client.sendMessage({ message: 'x' }, () => undefined);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Unknown tenant' },
    });
  });

  it('loads history and drops entries it cannot show', async () => {
    const { server, client } = setup();
    server.setHistory({
      conversation_id: 'c_1',
      messages: [
        { id: 'a', role: 'user', text: 'hi', citations: [], created_at: '2025-01-01T00:00:00Z' },
        { id: 'b', role: 'system', text: 'internal', citations: [] },
        {
          id: 'c',
          role: 'assistant',
          text: 'hello',
          citations: [{ document_id: 'd', title: 'T', page: 1 }],
        },
      ],
    });
    const result = await client.loadHistory('c_1');
    expect(result.ok && result.value.messages.map((m) => m.id)).toEqual(['a', 'c']);
    expect(server.requests.at(-1)?.path).toBe('/api/v1/chat/history/c_1');
  });
});

describe('citation links', () => {
  const now = Date.UTC(2026, 0, 1);
  const expAt = (s: number) =>
    `/api/v1/documents/d1/file?v=2&exp=${Math.floor(now / 1000) + s}&sig=abc`;
  const citation = { document_id: 'd1', title: 'Fees', page: 3, snippet: '' };
  function linkClient() {
    const server = createFakeChatServer();
    const client = createApiClient({ api, tenant: 'demo', fetch: server.fetch, now: () => now });
    return { server, client };
  }

  it('opens a signed link on the API origin at the cited page while it has time left', () => {
    const { client } = linkClient();
    expect(client.sourceHref({ ...citation, url: expAt(600) })).toBe(`${api}${expAt(600)}#page=3`);
  });

  it.each([
    ['missing', undefined],
    ['expired', expAt(-5)],
    ['about to expire', expAt(30)],
    ['without exp', '/api/v1/documents/d1/file?sig=abc'],
    ['on another origin', `https://evil.example.com${expAt(600)}`],
    ['a javascript: URL', 'javascript:alert(1)//?exp=99999999999'],
  ])('refuses a link that is %s', (_, url) => {
    const { client } = linkClient();
    expect(client.sourceHref({ ...citation, ...(url ? { url } : {}) })).toBeNull();
  });

  it('asks the server for a fresh link with the session token', async () => {
    const { server, client } = linkClient();
    server.reply({ kind: 'json', body: { url: expAt(900), expires_at: '' } });
    expect(await client.freshSourceHref(citation)).toEqual({
      ok: true,
      value: `${api}${expAt(900)}#page=3`,
    });
    expect(server.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/v1/documents/d1/link',
      headers: { authorization: 'Bearer t1' },
    });
    server.reply({
      kind: 'status',
      status: 404,
      body: { error: { code: 'not_found', message: 'x' } },
    });
    expect(await client.freshSourceHref(citation)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    server.reply({ kind: 'json', body: { url: 'https://evil.example.com/x' } });
    expect(await client.freshSourceHref(citation)).toMatchObject({
      ok: false,
      error: { code: 'bad_response' },
    });
  });
});
