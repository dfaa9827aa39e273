import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HANDOVER_TEXT } from '../agent/offline/offline-agent';
import { createApp } from '../app';
import { createTestDeps, type Deps } from '../deps';

let deps: Deps;
let app: ReturnType<typeof createApp>;

beforeEach(async () => {
  deps = await createTestDeps({ WAGECHAT_RATE_LIMIT_PER_MINUTE: '5' });
  app = createApp(deps);
});
afterEach(async () => {
  await deps.close();
});

async function session(origin?: string) {
  const res = await app.request('/api/v1/auth/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: JSON.stringify({ tenant: 'demo' }),
  });
  return res;
}

async function token() {
  return ((await (await session()).json()) as { token: string }).token;
}

function send(
  bearer: string,
  body: unknown,
  accept = 'application/json',
  extra: Record<string, string> = {},
) {
  return app.request('/api/v1/chat/message', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${bearer}`,
      'content-type': 'application/json',
      accept,
      ...extra,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Splits an SSE body into [event, data] pairs. */
function parseSse(text: string) {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      return [event, JSON.parse(data)] as const;
    });
}

describe('POST /api/v1/auth/session', () => {
  it('issues a visitor token to a local origin for the demo tenant', async () => {
    const res = await session('http://localhost:5173');
    expect(res.status).toBe(201);
    const body = (await res.json()) as { token: string; expires_at: string };
    expect(body.token.split('.')).toHaveLength(3);
    expect(Date.parse(body.expires_at)).toBeGreaterThan(Date.now());
  });

  it('refuses a foreign origin with 403 and records it in the audit trail', async () => {
    const res = await session('https://evil.example');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const audit = await deps.store.audit.list('demo');
    expect(audit[0]).toMatchObject({
      action: 'auth.session_denied',
      details: { origin: 'https://evil.example' },
    });
  });

  it('answers bad bodies and unknown tenants with clear errors and a request id', async () => {
    const bad = await app.request('/api/v1/auth/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"tenant": "Not A Tenant!"}',
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as {
      error: { code: string; message: string; request_id: string };
    };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain('tenant');
    expect(body.error.request_id).toBe(bad.headers.get('x-request-id'));
    const unknown = await app.request('/api/v1/auth/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"tenant": "nobody"}',
    });
    expect(unknown.status).toBe(404);
  });
  it('renews a session for the same visitor when the old token is sent, so threads survive', async () => {
    const t = await token();
    const first = await send(t, { message: 'hello' });
    const { conversation_id } = (await first.json()) as { conversation_id: string };
    const renewal = await app.request('/api/v1/auth/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` },
      body: JSON.stringify({ tenant: 'demo' }),
    });
    expect(renewal.status).toBe(201);
    const { token: renewed } = (await renewal.json()) as { token: string };
    const history = await app.request(`/api/v1/chat/history/${conversation_id}`, {
      headers: { authorization: `Bearer ${renewed}` },
    });
    expect(history.status).toBe(200);
    const garbage = await app.request('/api/v1/auth/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ tenant: 'demo' }),
    });
    expect(garbage.status).toBe(401);
  });
});

describe('POST /api/v1/chat/message', () => {
  it('rejects missing, garbage and wrong-origin tokens', async () => {
    expect((await send('', { message: 'hi' })).status).toBe(401);
    expect((await send('garbage', { message: 'hi' })).status).toBe(401);
    const res = await session('http://localhost:3000');
    const { token: bound } = (await res.json()) as { token: string };
    const other = await send(bound, { message: 'hi' }, 'application/json', {
      origin: 'http://localhost:4000',
    });
    expect(other.status).toBe(403);
  });

  it('validates the body: empty, too long, wrong types, bad JSON, unknown conversation', async () => {
    const cases: Array<[unknown, number, string]> = [
      [{ message: '   ' }, 400, 'message: must not be empty'],
      [{ message: 'x'.repeat(4001) }, 400, 'message: must be at most 4000 characters'],
      [{ message: 42 }, 400, 'message'],
      [{ message: 'hi', conversation_id: 'nope' }, 400, 'conversation_id'],
      ['{"message": ', 400, 'not valid JSON'],
      [
        { message: 'hi', conversation_id: '0b6f1c39-7f1e-4c59-9b8f-0d6a4f2b9e11' },
        404,
        'No conversation',
      ],
    ];
    for (const [body, status, text] of cases) {
      // A token per case: rejected requests count against the visitor's rate limit too.
      const res = await send(await token(), body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(text);
    }
    const huge = await send(await token(), { message: 'y'.repeat(40_000) });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe('too_large');
  });

  it('answers a greeting as JSON and keeps the thread in history', async () => {
    const t = await token();
    const res = await send(t, { message: 'Hello!' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      citations: [],
      confidence: 1,
      escalation: null,
      outcome: 'small_talk',
    });
    expect(String(body.answer)).toContain('tip payouts');
    const history = await app.request(`/api/v1/chat/history/${body.conversation_id}`, {
      headers: { authorization: `Bearer ${t}` },
    });
    const thread = (await history.json()) as {
      messages: Array<{ id: string; role: string; text: string }>;
    };
    expect(thread.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(thread.messages[1]?.id).toBe(body.message_id);

    // Another visitor cannot read or continue it.
    const stranger = await token();
    const peek = await app.request(`/api/v1/chat/history/${body.conversation_id}`, {
      headers: { authorization: `Bearer ${stranger}` },
    });
    expect(peek.status).toBe(404);
    expect(
      (await send(stranger, { message: 'hi', conversation_id: body.conversation_id })).status,
    ).toBe(404);
  });

  it('streams typed SSE events and hands over when the knowledge base has nothing', async () => {
    const t = await token();
    const res = await send(
      t,
      { message: 'Do you sponsor work visas for employees?' },
      'text/event-stream',
    );
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await res.text());
    const names = events.map(([e]) => e);
    expect(names[0]).toBe('meta');
    expect(names.at(-1)).toBe('done');
    expect(names).toContain('escalation');
    expect(events.at(-1)?.[1]).toMatchObject({ outcome: 'handed_over' });
    expect(events.find(([e]) => e === 'escalation')?.[1]).toMatchObject({
      status: 'pending',
      reason: expect.stringMatching(/^(?:no_knowledge|low_confidence)$/),
    });
    const text = events
      .filter(([e]) => e === 'token')
      .map(([, d]) => d.text)
      .join('');
    expect(text).toBe(HANDOVER_TEXT);
    const meta = events[0]![1] as { conversation_id: string; message_id: string };
    const convo = await deps.store.conversations.get('demo', meta.conversation_id);
    expect(convo?.status).toBe('escalation_pending');
    const history = await app.request(`/api/v1/chat/history/${meta.conversation_id}`, {
      headers: { authorization: `Bearer ${t}` },
    });
    expect(await history.json()).toMatchObject({
      status: 'escalation_pending',
      escalation: { status: 'pending' },
    });
    const stored = await deps.store.messages.list('demo', meta.conversation_id);
    expect(stored.at(-1)).toMatchObject({
      id: meta.message_id,
      role: 'assistant',
      text: HANDOVER_TEXT,
    });
  });

  it('stores the message redacted, and audits the turn without its text', async () => {
    const t = await token();
    const res = await send(t, { message: 'my ssn is 123-45-6789, why was I taxed?' });
    const { conversation_id } = (await res.json()) as { conversation_id: string };
    const [user] = await deps.store.messages.list('demo', conversation_id);
    expect(user?.text).toBe('my ssn is [SSN], why was I taxed?');
    const [event] = await deps.store.audit.list('demo');
    expect(event).toMatchObject({
      action: 'chat.message',
      resourceId: conversation_id,
      details: { pii_redacted: { ssn: 1 } },
    });
    // Enough to explain the answer later: how it was made and on what, never what was said.
    expect(event?.details).toMatchObject({
      mode: 'offline',
      model: null,
      prompt_version: expect.any(String),
      retrieved: expect.any(Array),
      confidence: expect.any(Number),
      threshold: expect.any(Number),
      outcome: expect.any(String),
    });
    expect(JSON.stringify(event)).not.toContain('taxed');
  });

  it('rate-limits a visitor with 429 and Retry-After, without touching others', async () => {
    const t = await token();
    for (let i = 0; i < 5; i++) expect((await send(t, { message: 'hi' })).status).toBe(200);
    const limited = await send(t, { message: 'hi' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await send(await token(), { message: 'hi' })).status).toBe(200);
  });
});

describe('health and errors', () => {
  it('reports health and readiness, and a JSON 404 for unknown routes', async () => {
    expect((await app.request('/healthz')).status).toBe(200);
    expect(await (await app.request('/readyz')).json()).toEqual({ status: 'ready' });
    const missing = await app.request('/api/v1/nothing');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
    await deps.store.close();
    expect((await app.request('/readyz')).status).toBe(503);
  });

  it('refuses visitor tokens on the admin API', async () => {
    const res = await app.request('/api/v1/admin/documents', {
      headers: { authorization: `Bearer ${await token()}` },
    });
    expect(res.status).toBe(403);
  });
});

describe('GET /api/v1/chat/conversations', () => {
  const list = (bearer: string, query = '') =>
    app.request(`/api/v1/chat/conversations${query}`, {
      headers: { authorization: `Bearer ${bearer}` },
    });

  it("finds a signed-in worker's latest thread from another device, and only theirs", async () => {
    const phone = (await deps.tokens.issueCustomer('demo', 'cust-7', 600)).token;
    const laptop = (await deps.tokens.issueCustomer('demo', 'cust-7', 600)).token;
    const other = (await deps.tokens.issueCustomer('demo', 'cust-8', 600)).token;
    const first = (await (await send(phone, { message: 'Hello!' })).json()) as {
      conversation_id: string;
    };
    const second = (await (await send(phone, { message: 'Thanks!' })).json()) as {
      conversation_id: string;
    };
    // The older thread becomes the latest again once it gets a new message.
    await send(phone, { message: 'Hi there!', conversation_id: first.conversation_id });

    const res = await list(laptop);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      conversations: Array<{ conversation_id: string; status: string; updated_at: string }>;
    };
    expect(body.conversations.map((c) => c.conversation_id)).toEqual([
      first.conversation_id,
      second.conversation_id,
    ]);
    expect(body.conversations[0]?.status).toBe('active');
    const latest = (await (await list(laptop, '?limit=1')).json()) as typeof body;
    expect(latest.conversations).toHaveLength(1);

    const stranger = (await (await list(other)).json()) as typeof body;
    expect(stranger.conversations).toEqual([]);
    const visitor = (await (await list(await token())).json()) as typeof body;
    expect(visitor.conversations).toEqual([]);
  });

  it('refuses a bad limit and a missing token with clear errors', async () => {
    const t = await token();
    for (const bad of ['?limit=0', '?limit=51', '?limit=abc', '?limit=1.5']) {
      const res = await list(t, bad);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'invalid_request',
      );
    }
    expect((await app.request('/api/v1/chat/conversations')).status).toBe(401);
  });
});
