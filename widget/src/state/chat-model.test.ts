import { describe, expect, it, vi } from 'vitest';
import { answerStream, createFakeChatServer } from '../../test/fake-chat-server';
import { createApiClient } from '../api/client';
import { createEmitter, type WagechatEventMap } from '../events';
import type { KeyValueStore } from '../tab-storage';
import { createChatModel } from './chat-model';
import { createConversationStore } from './conversation-store';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** A network that tests switch off and on, as the browser's `online` event would. */
function fakeNetwork() {
  let online = true;
  const listeners = new Set<() => void>();
  return {
    online: () => online,
    onOnline(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    set(value: boolean) {
      online = value;
      if (value) for (const listener of listeners) listener();
    },
    listeners,
  };
}

function setup(storage: KeyValueStore = memoryStore(), network = fakeNetwork()) {
  const server = createFakeChatServer();
  const emitter = createEmitter();
  const emitted: Array<[keyof WagechatEventMap, unknown]> = [];
  for (const name of ['message', 'escalation', 'error'] as const) {
    emitter.on(name, (payload) => emitted.push([name, payload]));
  }
  const model = createChatModel({
    client: createApiClient({
      api: 'https://chat.example.com',
      tenant: 'demo',
      fetch: server.fetch,
    }),
    conversations: createConversationStore(storage, 'demo'),
    emit: emitter.emit,
    network,
  });
  return { server, model, emitted, storage, network };
}

const citation = { document_id: 'd1', title: 'Instant Pay and fees', page: 2, snippet: '$2.99' };

describe('createChatModel', () => {
  it('streams an answer into the thread and passes through sending and streaming', async () => {
    const { server, model, emitted } = setup();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    server.reply({
      kind: 'stream',
      chunks: answerStream({ text: 'A transfer costs $2.99.', citations: [citation] }).split(
        /(?<=\n\n)/,
      ),
      gate,
    });
    const seen: string[] = [];
    // Every change is heard; each new status is recorded once.
    const record = () => {
      if (seen.at(-1) !== model.state.status) seen.push(model.state.status);
    };
    record();
    const stop = model.subscribe(record);
    const sending = model.send('  How much is instant pay?  ');
    expect(model.state.status).toBe('sending');
    expect(model.state.messages[0]).toMatchObject({
      role: 'user',
      text: 'How much is instant pay?',
    });
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(model.state.status).toBe('streaming');
    const partial = model.state.messages[1]?.text ?? '';
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan('A transfer costs $2.99.'.length);
    release();
    await sending;
    stop();
    expect(seen).toEqual(['idle', 'sending', 'streaming', 'idle']);
    expect(model.state.messages[1]).toMatchObject({
      text: 'A transfer costs $2.99.',
      citations: [citation],
    });
    expect(emitted.map(([name]) => name)).toEqual(['message', 'message']);
  });

  it('keeps the conversation id for the next message and in storage', async () => {
    const { server, model, storage } = setup();
    server.reply(
      { kind: 'stream', chunks: [answerStream({ text: 'one', conversationId: 'c_42' })] },
      { kind: 'stream', chunks: [answerStream({ text: 'two', conversationId: 'c_42' })] },
    );
    await model.send('first');
    await model.send('second');
    expect(server.requests.at(-1)?.body).toEqual({ message: 'second', conversation_id: 'c_42' });
    expect(storage.getItem('wagechat:demo:conversation')).toBe('c_42');
  });

  it('records an escalation on the answer and tells the host', async () => {
    const { server, model, emitted } = setup();
    server.reply({
      kind: 'stream',
      chunks: [
        answerStream({
          text: 'A person will follow up.',
          escalation: { status: 'pending', ticket_id: 'T-1' },
        }),
      ],
    });
    await model.send('Do you sponsor visas?');
    expect(model.state.messages[1]?.escalation).toEqual({ status: 'pending', ticket_id: 'T-1' });
    expect(emitted).toContainEqual(['escalation', { status: 'pending', ticket_id: 'T-1' }]);
  });

  it('shows a failure as state and retries the same message', async () => {
    const { server, model, emitted } = setup();
    server.reply(
      { kind: 'stream', chunks: ['event: token\ndata: {"text":"partial"}\n\n'] },
      { kind: 'stream', chunks: [answerStream({ text: 'whole answer' })] },
    );
    await model.send('question');
    expect(model.state.status).toBe('error');
    expect(model.state.error?.code).toBe('stream_interrupted');
    expect(model.state.messages).toHaveLength(1);
    expect(model.state.messages[0]).toMatchObject({ text: 'question', failed: true });
    expect(emitted.at(-1)?.[0]).toBe('error');
    await model.retry();
    expect(model.state.status).toBe('idle');
    expect(model.state.error).toBeNull();
    expect(model.state.messages.map((m) => [m.role, m.text, m.failed ?? false])).toEqual([
      ['user', 'question', false],
      ['assistant', 'whole answer', false],
    ]);
    const sent = server.requests
      .filter((r) => r.path === '/api/v1/chat/message')
      .map((r) => r.body);
    expect(sent).toEqual([{ message: 'question' }, { message: 'question' }]);
  });

  it('ignores empty, over-long and overlapping sends', async () => {
    const { server, model } = setup();
    server.reply({ kind: 'stream', chunks: [answerStream({ text: 'ok' })] });
    await model.send('   ');
    await model.send('x'.repeat(4001));
    const first = model.send('real');
    await model.send('while busy');
    await first;
    expect(model.state.messages.map((m) => m.text)).toEqual(['real', 'ok']);
  });

  it('restores the thread after a reload and forgets a conversation the server no longer has', async () => {
    const storage = memoryStore();
    storage.setItem('wagechat:demo:conversation', 'c_7');
    const { server, model } = setup(storage);
    server.setHistory({
      conversation_id: 'c_7',
      messages: [
        { id: 'u', role: 'user', text: 'When do tips arrive?', citations: [], created_at: '' },
        {
          id: 'a',
          role: 'assistant',
          text: 'Next business day.',
          citations: [citation],
          created_at: '',
        },
      ],
    });
    await model.restore();
    expect(model.state.messages.map((m) => m.text)).toEqual([
      'When do tips arrive?',
      'Next business day.',
    ]);

    expect(model.state.messages.map((m) => m.escalation)).toEqual([null, null]);

    const gone = setup(storage);
    await gone.model.restore();
    expect(gone.model.state.conversationId).toBeNull();
    expect(storage.getItem('wagechat:demo:conversation')).toBeNull();
  });

  it("continues a signed-in worker's latest thread on a new device; a visitor's tab starts empty", async () => {
    const history = {
      conversation_id: 'c_9',
      messages: [
        { id: 'u', role: 'user', text: 'Asked on my phone', citations: [], created_at: '' },
      ],
    };
    const build = (signedIn: boolean) => {
      const server = createFakeChatServer();
      const client = createApiClient({
        api: 'https://chat.example.com',
        tenant: 'demo',
        fetch: server.fetch,
      });
      // A portal token for user cust-9 (the widget only reads its subject).
      if (signedIn) client.identify(`h.${btoa(JSON.stringify({ sub: 'cust-9' }))}.s`);
      const storage = memoryStore();
      const model = createChatModel({
        client,
        conversations: createConversationStore(storage, 'demo'),
        emit: createEmitter().emit,
        network: fakeNetwork(),
      });
      server.setHistory(history);
      return { server, model, storage };
    };

    const laptop = build(true);
    laptop.server.setConversations([{ conversation_id: 'c_9', status: 'active', updated_at: '' }]);
    await laptop.model.restore();
    expect(laptop.server.requests.map((r) => r.path)).toContain('/api/v1/chat/conversations');
    expect(laptop.model.state.messages.map((m) => m.text)).toEqual(['Asked on my phone']);
    expect(laptop.storage.getItem('wagechat:demo:conversation')).toBe('c_9');

    const visitor = build(false);
    await visitor.model.restore();
    expect(visitor.server.requests.map((r) => r.path)).not.toContain('/api/v1/chat/conversations');
    expect(visitor.model.state.messages).toEqual([]);
  });

  it('shows a hand-over again under the latest answer after a reload', async () => {
    const storage = memoryStore();
    storage.setItem('wagechat:demo:conversation', 'c_8');
    const { server, model } = setup(storage);
    const turn = (id: string, role: string, text: string) => ({
      id,
      role,
      text,
      citations: [],
      created_at: '',
    });
    server.setHistory({
      conversation_id: 'c_8',
      escalation: { status: 'pending' },
      messages: [
        turn('u1', 'user', 'hi'),
        turn('a1', 'assistant', 'Hello!'),
        turn('u2', 'user', 'Do you offer health insurance?'),
        turn('a2', 'assistant', 'A person will follow up.'),
      ],
    });
    await model.restore();
    expect(model.state.messages.map((m) => m.escalation)).toEqual([
      null,
      null,
      null,
      { status: 'pending' },
    ]);
  });

  it('keeps working when storage throws', async () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceeded');
      },
      removeItem: () => undefined,
    };
    const { server, model } = setup(broken);
    server.reply({ kind: 'stream', chunks: [answerStream({ text: 'fine' })] });
    await model.send('hi');
    expect(model.state.messages.at(-1)?.text).toBe('fine');
  });

  it('drops an answer still streaming when disposed', async () => {
    const { server, model } = setup();
    server.reply({
      kind: 'stream',
      chunks: [answerStream({ text: 'late answer' })],
      gate: new Promise(() => undefined),
    });
    const pending = model.send('hi');
    model.dispose();
    await pending;
    expect(model.state.status).not.toBe('error');
  });
});

const chatPosts = (server: ReturnType<typeof createFakeChatServer>) =>
  server.requests.filter((r) => r.path === '/api/v1/chat/message').map((r) => r.body);

describe('the offline queue', () => {
  it('queues what is typed offline, keeps it in storage and sends it in order when back online', async () => {
    const { server, model, storage, network } = setup();
    network.set(false);
    await model.send('first');
    await model.send('second');
    expect(chatPosts(server)).toEqual([]);
    expect(model.state.messages.map((m) => [m.text, m.queued])).toEqual([
      ['first', true],
      ['second', true],
    ]);
    expect(JSON.parse(storage.getItem('wagechat:demo:queue') ?? '')).toEqual(['first', 'second']);
    server.reply(
      { kind: 'stream', chunks: [answerStream({ text: 'one', conversationId: 'c_q' })] },
      { kind: 'stream', chunks: [answerStream({ text: 'two', conversationId: 'c_q' })] },
    );
    network.set(true);
    await vi.waitFor(() => expect(model.state.messages).toHaveLength(4));
    await vi.waitFor(() => expect(model.state.status).toBe('idle'));
    expect(model.state.messages.map((m) => [m.role, m.text, m.queued ?? false])).toEqual([
      ['user', 'first', false],
      ['assistant', 'one', false],
      ['user', 'second', false],
      ['assistant', 'two', false],
    ]);
    expect(chatPosts(server)).toEqual([
      { message: 'first' },
      { message: 'second', conversation_id: 'c_q' },
    ]);
    expect(storage.getItem('wagechat:demo:queue')).toBeNull();
  });

  it('queues a message whose send fails for lack of network, and Retry sends it', async () => {
    const { server, model, storage } = setup();
    server.reply(
      { kind: 'network-error' },
      { kind: 'stream', chunks: [answerStream({ text: 'back' })] },
    );
    await model.send('hello?');
    expect(model.state.messages).toEqual([
      expect.objectContaining({ text: 'hello?', queued: true }),
    ]);
    expect(model.state.error?.code).toBe('network');
    expect(storage.getItem('wagechat:demo:queue')).toBe('["hello?"]');
    await model.retry();
    expect(model.state.messages.map((m) => m.text)).toEqual(['hello?', 'back']);
    expect(model.state.status).toBe('idle');
  });

  it('shows the queue again after a reload, after the restored thread, then sends it', async () => {
    const storage = memoryStore();
    storage.setItem('wagechat:demo:conversation', 'c_9');
    storage.setItem('wagechat:demo:queue', '["typed offline"]');
    const { server, model } = setup(storage);
    expect(model.state.messages.map((m) => [m.text, m.queued])).toEqual([['typed offline', true]]);
    server.setHistory({
      conversation_id: 'c_9',
      messages: [{ id: 'a1', role: 'assistant', text: 'Earlier answer', citations: [] }],
    });
    server.reply({
      kind: 'stream',
      chunks: [answerStream({ text: 'now', conversationId: 'c_9' })],
    });
    await model.restore();
    expect(model.state.messages.map((m) => m.text)).toEqual([
      'Earlier answer',
      'typed offline',
      'now',
    ]);
    expect(chatPosts(server)).toEqual([{ message: 'typed offline', conversation_id: 'c_9' }]);
  });

  it('keeps an upload with its queued message across a reload, and sends it with the message', async () => {
    const storage = memoryStore();
    const photo = {
      id: 'att_1',
      conversation_id: 'c_up',
      kind: 'file' as const,
      name: 'stub.png',
      content_type: 'image/png',
      bytes: 2048,
      created_at: '2026-12-01T10:00:00.000Z',
    };
    const before = setup(storage);
    before.network.set(false);
    before.model.attach(photo);
    await before.model.send('see my stub');
    before.model.dispose();
    // Older widgets wrote plain strings: a text-only entry still reads back.
    storage.setItem(
      'wagechat:demo:queue',
      JSON.stringify([...JSON.parse(storage.getItem('wagechat:demo:queue') ?? '[]'), 'and this']),
    );

    const { server, model } = setup(storage); // the reload
    expect(model.state.messages.map((m) => [m.text, m.attachments?.map((a) => a.id)])).toEqual([
      ['see my stub', ['att_1']],
      ['and this', undefined],
    ]);
    server.reply(
      { kind: 'stream', chunks: [answerStream({ text: 'got it', conversationId: 'c_up' })] },
      { kind: 'stream', chunks: [answerStream({ text: 'ok', conversationId: 'c_up' })] },
    );
    await model.restore();
    await vi.waitFor(() => expect(chatPosts(server)).toHaveLength(2));
    expect(chatPosts(server)[0]).toEqual({ message: 'see my stub', attachment_ids: ['att_1'] });
  });

  it('forgets the queue with the thread when another person signs in', async () => {
    const { model, storage, network } = setup();
    network.set(false);
    await model.send('private');
    model.reset();
    expect(model.state.messages).toEqual([]);
    expect(storage.getItem('wagechat:demo:queue')).toBeNull();
  });

  it('stops listening to the network when disposed', () => {
    const { model, network } = setup();
    expect(network.listeners.size).toBe(1);
    model.dispose();
    expect(network.listeners.size).toBe(0);
  });
});

describe('feedback', () => {
  const feedbackPosts = (server: ReturnType<typeof createFakeChatServer>) =>
    server.requests.filter((r) => r.path === '/api/v1/chat/feedback').map((r) => r.body);
  const created = { kind: 'status', status: 201, body: { feedback_id: 'f1' } } as const;

  it("sends thumbs with the answer's server id and an optional comment, and a chat rating", async () => {
    const { server, model } = setup();
    server.reply({ kind: 'stream', chunks: [answerStream({ text: 'ok', conversationId: 'c_f' })] });
    await model.send('question');
    const answer = model.state.messages[1];
    expect(answer?.serverId).toBe('m_1');
    server.reply(created, created, created);
    expect(await model.rate(answer?.id ?? '', 'down')).toBe(true);
    expect(model.state.messages[1]?.feedback).toBe('down');
    expect(await model.rate(answer?.id ?? '', 'down', '  too vague ')).toBe(true);
    expect(await model.rateConversation(4)).toBe(true);
    expect(feedbackPosts(server)).toEqual([
      { conversation_id: 'c_f', message_id: 'm_1', thumbs: 'down' },
      { conversation_id: 'c_f', message_id: 'm_1', thumbs: 'down', comment: 'too vague' },
      { conversation_id: 'c_f', rating: 4 },
    ]);
  });

  it('reports a refused feedback as false and sends nothing without a conversation', async () => {
    const { server, model } = setup();
    expect(await model.rateConversation(5)).toBe(false);
    expect(feedbackPosts(server)).toEqual([]);
    server.reply({ kind: 'stream', chunks: [answerStream({ text: 'ok' })] });
    await model.send('q');
    server.reply({
      kind: 'status',
      status: 400,
      body: { error: { code: 'invalid_request', message: 'rating must be 1-5' } },
    });
    expect(await model.rate(model.state.messages[1]?.id ?? '', 'up')).toBe(false);
  });

  it("restores agents' named replies and the answers' ids from history", async () => {
    const storage = memoryStore();
    storage.setItem('wagechat:demo:conversation', 'c_a');
    const { server, model } = setup(storage);
    server.setHistory({
      conversation_id: 'c_a',
      messages: [
        { id: 'a1', role: 'assistant', text: 'Bot', citations: [] },
        { id: 'p1', role: 'agent', author: { name: 'Dana' }, text: 'Hi, Dana here', citations: [] },
        { id: 'x', role: 'system', text: 'ignored', citations: [] },
      ],
    });
    await model.restore();
    expect(model.state.messages).toEqual([
      expect.objectContaining({ role: 'assistant', serverId: 'a1' }),
      expect.objectContaining({ role: 'agent', author: { name: 'Dana' }, text: 'Hi, Dana here' }),
    ]);
  });
});
