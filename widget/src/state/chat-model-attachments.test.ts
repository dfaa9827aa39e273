import { describe, expect, it } from 'vitest';
import type { ApiClient, SendInput } from '../api/client';
import type { Attachment, ChatEvent } from '../api/types';
import { createEmitter } from '../events';
import { createChatModel } from './chat-model';
import { createConversationStore } from './conversation-store';

const attachment = (id: string, conversation = 'c1'): Attachment => ({
  id,
  conversation_id: conversation,
  kind: 'file',
  name: `${id}.png`,
  content_type: 'image/png',
  bytes: 1200,
  created_at: '2026-12-01T10:00:00.000Z',
});

/** A client that answers every message at once and records what it was asked to send. */
function setup() {
  // attachmentIds: what the model hands the client (SendInput gains it with `client.upload`).
  const sent: Array<SendInput & { attachmentIds?: string[] }> = [];
  const data = new Map<string, string>();
  const storage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
  const client = {
    async sendMessage(input: SendInput, onEvent: (e: ChatEvent) => void) {
      sent.push(input);
      onEvent({ type: 'meta', conversation_id: 'c1', message_id: 'm1' });
      onEvent({ type: 'done', confidence: 1, response_time_ms: 1, outcome: 'answered' });
      return { ok: true as const, value: undefined };
    },
    async loadHistory(id: string) {
      return {
        ok: true as const,
        value: {
          conversation_id: id,
          escalation: null,
          messages: [
            {
              id: 'u1',
              role: 'user' as const,
              text: 'my card',
              citations: [],
              attachments: [attachment('a9', id)],
              created_at: '',
            },
          ],
        },
      };
    },
  } as unknown as ApiClient;
  const conversations = createConversationStore(storage, 'demo');
  const model = createChatModel({
    client,
    conversations,
    emit: createEmitter().emit,
    network: { online: () => true, onOnline: () => () => {} },
  });
  return { model, sent, conversations };
}

describe('chat model attachments', () => {
  it('sends what waits in the tray with the next message, once', async () => {
    const { model, sent } = setup();
    model.attach(attachment('a1'));
    model.attach(attachment('a2'));
    await model.send('Here they are');
    expect(sent[0]).toMatchObject({ conversationId: 'c1', attachmentIds: ['a1', 'a2'] });
    expect(model.state.messages[0]?.attachments?.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(model.state.pending).toEqual([]);
    await model.send('Anything else?');
    expect(sent[1]?.attachmentIds).toBeUndefined();
  });

  it('joins the thread an upload created, but never switches an open one', () => {
    const { model, conversations } = setup();
    model.attach(attachment('a1', 'c-new'));
    expect(model.state.conversationId).toBe('c-new');
    expect(conversations.load()).toBe('c-new');
    model.attach(attachment('a2', 'c-other'));
    expect(model.state.conversationId).toBe('c-new');
    expect(model.state.pending.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('takes one upload off the tray and keeps the others', () => {
    const { model } = setup();
    model.attach(attachment('a1'));
    model.attach(attachment('a2'));
    model.detach('a1');
    expect(model.state.pending.map((a) => a.id)).toEqual(['a2']);
  });

  it('shows stored attachments after a reload, and forgets the tray on reset', async () => {
    const { model } = setup();
    model.attach(attachment('a0'));
    await model.restore();
    expect(model.state.messages[0]?.attachments).toEqual([attachment('a9')]);
    model.attach(attachment('a3'));
    model.reset();
    expect(model.state.pending).toEqual([]);
  });
});
