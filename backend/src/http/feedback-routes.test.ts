import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import type { ChatAnswer } from '../contract/v1';
import { createTestDeps, type Deps } from '../deps';

let deps: Deps;
let app: ReturnType<typeof createApp>;
let owner: string;
let turn: ChatAnswer;
let userMessageId: string;

async function token() {
  const res = await app.request('/api/v1/auth/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'demo' }),
  });
  return ((await res.json()) as { token: string }).token;
}

const post = (bearer: string, body: unknown) =>
  app.request('/api/v1/chat/feedback', {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  deps = await createTestDeps();
  app = createApp(deps);
  owner = await token();
  const res = await app.request('/api/v1/chat/message', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${owner}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify({ message: 'Hello there' }),
  });
  turn = (await res.json()) as ChatAnswer;
  const messages = await deps.store.messages.list('demo', turn.conversation_id);
  userMessageId = messages.find((m) => m.role === 'user')!.id;
});
afterAll(async () => {
  await deps.close();
});

describe('POST /api/v1/chat/feedback', () => {
  it('stores thumbs on an answer, redacts the comment and audits the score only', async () => {
    const res = await post(owner, {
      conversation_id: turn.conversation_id,
      message_id: turn.message_id,
      thumbs: 'down',
      comment: 'Wrong. Email me at jo@example.com or call 415-555-0134',
    });
    expect(res.status).toBe(201);
    const { feedback_id } = (await res.json()) as { feedback_id: string };
    const [stored] = await deps.store.feedback.list('demo', turn.conversation_id);
    expect(stored).toMatchObject({ id: feedback_id, thumbs: 'down', rating: null });
    expect(stored?.comment).toBe('Wrong. Email me at [EMAIL] or call [PHONE]');
    const [record] = await deps.store.audit.query({
      tenantId: 'demo',
      action: 'chat.feedback',
      limit: 1,
    });
    expect(record?.details).toMatchObject({ feedback_id, thumbs: 'down', comment: true });
    expect(record?.details.pii_redacted).toEqual({ email: 1, phone: 1 });
    expect(JSON.stringify(record)).not.toContain('Wrong.');
  });

  it('replaces the earlier feedback for the same answer, and keeps a rating beside it', async () => {
    const again = await post(owner, {
      conversation_id: turn.conversation_id,
      message_id: turn.message_id,
      thumbs: 'up',
    });
    expect(again.status).toBe(201);
    const rating = await post(owner, { conversation_id: turn.conversation_id, rating: 4 });
    expect(rating.status).toBe(201);
    await post(owner, { conversation_id: turn.conversation_id, rating: 5, comment: 'Great' });
    const all = await deps.store.feedback.list('demo', turn.conversation_id);
    expect(all.map((f) => [f.messageId, f.thumbs, f.rating, f.comment])).toEqual([
      [turn.message_id, 'up', null, null],
      [null, null, 5, 'Great'],
    ]);
  });

  it("answers 404 for someone else's conversation, and for an answer not in it", async () => {
    const stranger = await token();
    const res = await post(stranger, { conversation_id: turn.conversation_id, rating: 1 });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const missing = await post(owner, {
      conversation_id: turn.conversation_id,
      message_id: crypto.randomUUID(),
      thumbs: 'up',
    });
    expect(missing.status).toBe(404);
  });

  it('refuses bad bodies with invalid_request naming the field', async () => {
    const c = turn.conversation_id;
    const cases: Array<[unknown, RegExp]> = [
      [{ conversation_id: c }, /thumbs: send exactly one of thumbs/],
      [{ conversation_id: c, thumbs: 'up', rating: 3, message_id: turn.message_id }, /exactly one/],
      [{ conversation_id: c, thumbs: 'up' }, /message_id: is required with thumbs/],
      [{ conversation_id: c, thumbs: 'meh', message_id: turn.message_id }, /thumbs: must be 'up'/],
      [{ conversation_id: c, rating: 6 }, /rating: must be a whole number from 1 to 5/],
      [{ conversation_id: c, rating: 2.5 }, /rating: must be a whole number/],
      [{ conversation_id: c, rating: '5' }, /rating: must be a whole number/],
      [
        { conversation_id: c, rating: 3, message_id: turn.message_id },
        /message_id: must be left out/,
      ],
      [
        { conversation_id: c, rating: 3, comment: 'x'.repeat(1001) },
        /comment: must be at most 1000/,
      ],
      [{ conversation_id: 'nope', rating: 3 }, /conversation_id: must be the id/],
      [
        { conversation_id: c, message_id: userMessageId, thumbs: 'up' },
        /message_id: must be an answer/,
      ],
      ['{not json', /not valid JSON/],
    ];
    for (const [body, message] of cases) {
      const res = await post(owner, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('invalid_request');
      expect(error.message).toMatch(message);
    }
  });

  it('needs a session token', async () => {
    const res = await app.request('/api/v1/chat/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversation_id: turn.conversation_id, rating: 3 }),
    });
    expect(res.status).toBe(401);
  });
});
