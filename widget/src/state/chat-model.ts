import { action, computed, signal } from '@preact/signals';
import type { ApiClient } from '../api/client';
import type { ApiFailure, ChatEvent, Citation, Escalation, TurnOutcome } from '../api/types';
import type { Emitter } from '../events';
import type { ConversationStore } from './conversation-store';

/** idle: ready; sending: waiting for the first event; streaming: answer arriving; error: last send failed. */
export type ChatStatus = 'idle' | 'sending' | 'streaming' | 'error';

/** A message as the panel shows it. */
export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  citations: Citation[];
  escalation: Escalation | null;
  /** How the answer ended; `closest_passage` offers a person in one click. */
  outcome?: TurnOutcome | null;
  /** A user message whose send failed; `retry()` sends it again. */
  failed?: boolean;
}

/** What the model needs; all passed in so tests use a fake fetch and an in-memory store. */
export interface ChatModelDeps {
  client: Pick<ApiClient, 'sendMessage' | 'loadHistory'>;
  conversations: ConversationStore;
  emit: Emitter['emit'];
}

/** Longest message the API accepts (contract v1: 1..4000 characters). */
export const maxMessageLength = 4000;

/**
 * The chat's state and actions in one disposable unit (the shape of signals' `createModel`,
 * written out so it needs no `Symbol.dispose`, which older browsers on host pages lack).
 *
 * @example const chat = createChatModel(deps); await chat.send('When do tips arrive?'); chat.dispose()
 */
export function createChatModel(deps: ChatModelDeps) {
  const status = signal<ChatStatus>('idle');
  const messages = signal<ChatMessage[]>([]);
  const error = signal<ApiFailure | null>(null);
  const conversationId = signal<string | null>(deps.conversations.load());
  const busy = computed(() => status.value === 'sending' || status.value === 'streaming');
  let controller: AbortController | null = null;
  let localId = 0;

  const patchMessage = action((id: string, patch: (m: ChatMessage) => ChatMessage) => {
    messages.value = messages.value.map((m) => (m.id === id ? patch(m) : m));
  });

  const apply = action((assistantId: string, event: ChatEvent) => {
    switch (event.type) {
      case 'meta':
        conversationId.value = event.conversation_id;
        deps.conversations.save(event.conversation_id);
        return;
      case 'token':
        status.value = 'streaming';
        patchMessage(assistantId, (m) => ({ ...m, text: m.text + event.text }));
        return;
      case 'citations':
        patchMessage(assistantId, (m) => ({ ...m, citations: event.citations }));
        return;
      case 'escalation':
        patchMessage(assistantId, (m) => ({ ...m, escalation: event.escalation }));
        deps.emit('escalation', event.escalation);
        return;
      case 'done':
        patchMessage(assistantId, (m) => ({ ...m, outcome: event.outcome }));
        return;
      default:
        return;
    }
  });

  async function deliver(userId: string, text: string): Promise<void> {
    controller?.abort();
    const own = new AbortController();
    controller = own;
    const assistantId = `local-${++localId}`;
    messages.value = [
      ...messages.value,
      { id: assistantId, role: 'assistant', text: '', citations: [], escalation: null },
    ];
    status.value = 'sending';
    error.value = null;
    const result = await deps.client.sendMessage(
      { message: text, conversationId: conversationId.value },
      (event) => apply(assistantId, event),
      own.signal,
    );
    if (own.signal.aborted) return; // unmounted or superseded: nobody is watching this send
    controller = null;
    if (result.ok) {
      status.value = 'idle';
      const answer = messages.value.find((m) => m.id === assistantId);
      deps.emit('message', {
        role: 'assistant',
        text: answer?.text ?? '',
        conversationId: conversationId.value,
      });
      return;
    }
    // A half-streamed answer is dropped: the retry will produce a whole one.
    messages.value = messages.value
      .filter((m) => m.id !== assistantId)
      .map((m) => (m.id === userId ? { ...m, failed: true } : m));
    if (result.error.code === 'not_found') {
      // The stored conversation is gone (expired or another tenant): start a new one on retry.
      conversationId.value = null;
      deps.conversations.clear();
    }
    error.value = result.error;
    status.value = 'error';
    deps.emit('error', result.error);
  }

  return {
    status,
    messages,
    error,
    conversationId,
    busy,
    /** Sends the visitor's text; ignored while a send is in flight or when empty/too long. */
    send(text: string): Promise<void> {
      const message = text.trim();
      if (busy.value || message === '' || message.length > maxMessageLength)
        return Promise.resolve();
      const userId = `local-${++localId}`;
      messages.value = [
        ...messages.value.filter((m) => !m.failed),
        { id: userId, role: 'user', text: message, citations: [], escalation: null },
      ];
      deps.emit('message', { role: 'user', text: message, conversationId: conversationId.value });
      return deliver(userId, message);
    },
    /** Sends the last failed message again. */
    retry(): Promise<void> {
      const failed = messages.value.findLast((m) => m.failed);
      if (busy.value || !failed) return Promise.resolve();
      patchMessage(failed.id, (m) => ({ ...m, failed: false }));
      return deliver(failed.id, failed.text);
    },
    /** Loads the stored thread after a reload; a missing or foreign thread is forgotten. */
    async restore(): Promise<void> {
      const id = conversationId.value;
      if (!id || messages.value.length > 0) return;
      const result = await deps.client.loadHistory(id);
      if (!result.ok) {
        if (conversationId.value !== id) return;
        if (result.error.code === 'not_found' || result.error.code === 'forbidden') {
          conversationId.value = null;
          deps.conversations.clear();
        }
        return;
      }
      // Typing started meanwhile, or another person signed in (reset): this thread is not shown.
      if (messages.value.length > 0 || conversationId.value !== id) return;
      const { messages: stored, escalation } = result.value;
      const lastAnswer = stored.map((m) => m.role).lastIndexOf('assistant');
      // The hand-over notice belongs under the answer that made it, the latest one.
      messages.value = stored.map((m, i) => ({
        id: m.id,
        role: m.role,
        text: m.text,
        citations: m.citations,
        escalation: i === lastAnswer ? escalation : null,
      }));
    },
    /** Forgets the thread (another person signed in, or out): nothing of it stays on screen. */
    reset: action((): void => {
      controller?.abort();
      controller = null;
      messages.value = [];
      conversationId.value = null;
      deps.conversations.clear();
      error.value = null;
      status.value = 'idle';
    }),
    /** Stops any answer in flight; the model is unusable afterwards. */
    dispose(): void {
      controller?.abort();
      controller = null;
    },
  };
}

export type ChatModel = ReturnType<typeof createChatModel>;
