import { describe, expect, it } from 'vitest';
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

function setup(storage: KeyValueStore = memoryStore()) {
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
  });
  return { server, model, emitted, storage };
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
    const stop = model.status.subscribe((s) => seen.push(s));
    const sending = model.send('  How much is instant pay?  ');
    expect(model.status.value).toBe('sending');
    expect(model.messages.value[0]).toMatchObject({
      role: 'user',
      text: 'How much is instant pay?',
    });
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(model.status.value).toBe('streaming');
    const partial = model.messages.value[1]?.text ?? '';
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan('A transfer costs $2.99.'.length);
    release();
    await sending;
    stop();
    expect(seen).toEqual(['idle', 'sending', 'streaming', 'idle']);
    expect(model.messages.value[1]).toMatchObject({
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
    expect(model.messages.value[1]?.escalation).toEqual({ status: 'pending', ticket_id: 'T-1' });
    expect(emitted).toContainEqual(['escalation', { status: 'pending', ticket_id: 'T-1' }]);
  });

  it('shows a failure as state and retries the same message', async () => {
    const { server, model, emitted } = setup();
    server.reply(
      { kind: 'stream', chunks: ['event: token\ndata: {"text":"partial"}\n\n'] },
      { kind: 'stream', chunks: [answerStream({ text: 'whole answer' })] },
    );
    await model.send('question');
    expect(model.status.value).toBe('error');
    expect(model.error.value?.code).toBe('stream_interrupted');
    expect(model.messages.value).toHaveLength(1);
    expect(model.messages.value[0]).toMatchObject({ text: 'question', failed: true });
    expect(emitted.at(-1)?.[0]).toBe('error');
    await model.retry();
    expect(model.status.value).toBe('idle');
    expect(model.error.value).toBeNull();
    expect(model.messages.value.map((m) => [m.role, m.text, m.failed ?? false])).toEqual([
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
    expect(model.messages.value.map((m) => m.text)).toEqual(['real', 'ok']);
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
    expect(model.messages.value.map((m) => m.text)).toEqual([
      'When do tips arrive?',
      'Next business day.',
    ]);

    expect(model.messages.value.map((m) => m.escalation)).toEqual([null, null]);

    const gone = setup(storage);
    await gone.model.restore();
    expect(gone.model.conversationId.value).toBeNull();
    expect(storage.getItem('wagechat:demo:conversation')).toBeNull();
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
    expect(model.messages.value.map((m) => m.escalation)).toEqual([
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
    expect(model.messages.value.at(-1)?.text).toBe('fine');
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
    expect(model.status.value).not.toBe('error');
  });
});
