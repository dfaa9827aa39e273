import { action, computed, signal } from '@preact/signals';
import type { ApiClient } from '../api/client';
import type {
  ApiFailure,
  Attachment,
  ChatEvent,
  Citation,
  Escalation,
  TurnOutcome,
} from '../api/types';
import type { Uploader } from '../api/uploads';
import type { Emitter } from '../events';
import type { ConversationStore } from './conversation-store';

/** idle: ready; sending: waiting for the first event; streaming: answer arriving; error: last send failed. */
export type ChatStatus = 'idle' | 'sending' | 'streaming' | 'error';

/** A message as the panel shows it. */
export interface ChatMessage {
  id: string;
  /** `agent`: a named person of the support team (see `author`), e.g. after a hand-over. */
  role: 'user' | 'assistant' | 'agent';
  author?: { name: string };
  text: string;
  citations: Citation[];
  escalation: Escalation | null;
  /** How the answer ended; `closest_passage` offers a person in one click. */
  outcome?: TurnOutcome | null;
  /** A user message whose send failed; `retry()` sends it again. */
  failed?: boolean;
  /** A user message waiting for the network; sent in order once the browser is back online. */
  queued?: boolean;
  /** The server's id of an answer, which feedback refers to. */
  serverId?: string;
  feedback?: 'up' | 'down';
  /** Files and voice notes the person sent with it. */
  attachments?: Attachment[];
}

/** Whether the browser is online, and a way to hear when it comes back. */
export interface NetworkWatch {
  online(): boolean;
  /** Calls `listener` on each reconnect; returns the unsubscribe. */
  onOnline(listener: () => void): () => void;
}

/** What the model needs; all passed in so tests use a fake fetch and an in-memory store. */
export interface ChatModelDeps {
  client: Pick<
    ApiClient,
    'sendMessage' | 'loadHistory' | 'sendFeedback' | 'sourceHref' | 'freshSourceHref'
  > &
    Partial<Pick<ApiClient, 'signedIn' | 'latestConversation'>> & { upload?: Uploader };
  conversations: ConversationStore;
  emit: Emitter['emit'];
  /** Defaults to `navigator.onLine` and the window's `online` event. */
  network?: NetworkWatch;
}

/** Longest message the API accepts (contract v1: 1..4000 characters). */
export const maxMessageLength = 4000;

const browserNetwork: NetworkWatch = {
  online: () => globalThis.navigator?.onLine !== false,
  onOnline(listener) {
    globalThis.addEventListener?.('online', listener);
    return () => globalThis.removeEventListener?.('online', listener);
  },
};

/**
 * The chat's state and actions in one disposable unit (the shape of signals' `createModel`,
 * written out so it needs no `Symbol.dispose`, which older browsers on host pages lack).
 *
 * @example const chat = createChatModel(deps); await chat.send('When do tips arrive?'); chat.dispose()
 */
export function createChatModel(deps: ChatModelDeps) {
  const network = deps.network ?? browserNetwork;
  const status = signal<ChatStatus>('idle');
  const error = signal<ApiFailure | null>(null);
  const conversationId = signal<string | null>(deps.conversations.load());
  /** Uploaded, not yet sent: they go with the next message. */
  const pending = signal<Attachment[]>([]);
  const busy = computed(() => status.value === 'sending' || status.value === 'streaming');
  let controller: AbortController | null = null;
  let localId = 0;
  let flushing = false;
  const userMessage = (
    text: string,
    queued?: boolean,
    attachments?: Attachment[],
  ): ChatMessage => ({
    id: `local-${++localId}`,
    role: 'user',
    text,
    citations: [],
    escalation: null,
    ...(queued ? { queued } : {}),
    ...(attachments?.length ? { attachments } : {}),
  });
  // Typed offline before a reload, with what was uploaded for it: shown again at once, sent
  // once the thread is restored.
  const messages = signal<ChatMessage[]>(
    deps.conversations.loadQueue().map((q) => userMessage(q.text, true, q.attachments)),
  );

  const persistQueue = () =>
    deps.conversations.saveQueue(
      messages.value
        .filter((m) => m.queued)
        .map((m) => ({ text: m.text, ...(m.attachments ? { attachments: m.attachments } : {}) })),
    );

  const patchMessage = action((id: string, patch: (m: ChatMessage) => ChatMessage) => {
    messages.value = messages.value.map((m) => (m.id === id ? patch(m) : m));
  });

  const apply = action((assistantId: string, event: ChatEvent) => {
    switch (event.type) {
      case 'meta':
        conversationId.value = event.conversation_id;
        deps.conversations.save(event.conversation_id);
        if (event.message_id)
          patchMessage(assistantId, (m) => ({ ...m, serverId: event.message_id }));
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

  /** Sends one user message; true when its answer arrived whole. */
  async function deliver(userId: string, text: string): Promise<boolean> {
    controller?.abort();
    const own = new AbortController();
    controller = own;
    const assistantId = `local-${++localId}`;
    // The answer goes right under its question, also when more were typed after it (queued).
    const at = messages.value.findIndex((m) => m.id === userId) + 1;
    messages.value = messages.value.toSpliced(at, 0, {
      id: assistantId,
      role: 'assistant',
      text: '',
      citations: [],
      escalation: null,
    });
    status.value = 'sending';
    error.value = null;
    const attachmentIds = messages.value
      .find((m) => m.id === userId)
      ?.attachments?.map((a) => a.id);
    const input = { message: text, conversationId: conversationId.value, attachmentIds };
    const result = await deps.client.sendMessage(
      input,
      (event) => apply(assistantId, event),
      own.signal,
    );
    if (own.signal.aborted) return false; // unmounted or superseded: nobody is watching this send
    controller = null;
    if (result.ok) {
      status.value = 'idle';
      const answer = messages.value.find((m) => m.id === assistantId);
      deps.emit('message', {
        role: 'assistant',
        text: answer?.text ?? '',
        conversationId: conversationId.value,
      });
      return true;
    }
    // A half-streamed answer is dropped: the retry will produce a whole one. Without a network
    // the message waits in the queue (nothing typed is lost); other failures offer a retry.
    const offline = result.error.code === 'network';
    messages.value = messages.value
      .filter((m) => m.id !== assistantId)
      .map((m) => (m.id === userId ? { ...m, [offline ? 'queued' : 'failed']: true } : m));
    if (result.error.code === 'not_found') {
      // The stored conversation is gone (expired or another tenant): start a new one on retry.
      conversationId.value = null;
      deps.conversations.clear();
    }
    persistQueue();
    error.value = result.error;
    status.value = 'error';
    deps.emit('error', result.error);
    return false;
  }

  /** Sends the queued messages in order, stopping at the first that fails again. */
  async function flush(): Promise<void> {
    if (flushing || busy.value || !network.online()) return;
    flushing = true;
    try {
      for (;;) {
        const next = messages.value.find((m) => m.queued);
        if (!next) return;
        patchMessage(next.id, (m) => ({ ...m, queued: false }));
        persistQueue();
        if (!(await deliver(next.id, next.text))) return;
      }
    } finally {
      flushing = false;
    }
  }

  const stopWatching = network.onOnline(() => void flush());

  return {
    status,
    messages,
    error,
    conversationId,
    busy,
    /**
     * Sends the visitor's text; ignored while an answer streams or when empty/too long. Offline
     * (or while earlier messages wait) it joins the queue, shown as waiting to send.
     */
    send(text: string): Promise<void> {
      const message = text.trim();
      if (busy.value || message === '' || message.length > maxMessageLength)
        return Promise.resolve();
      const queued = !network.online() || messages.value.some((m) => m.queued);
      const user = userMessage(message, queued);
      if (pending.value.length > 0) user.attachments = pending.value;
      pending.value = [];
      messages.value = [...messages.value.filter((m) => !m.failed), user];
      deps.emit('message', { role: 'user', text: message, conversationId: conversationId.value });
      if (queued) persistQueue();
      return queued ? flush() : deliver(user.id, message).then(() => undefined);
    },
    /** Sends the last failed message again, or what waits in the queue. */
    retry(): Promise<void> {
      const failed = messages.value.findLast((m) => m.failed);
      if (busy.value) return Promise.resolve();
      if (!failed) return flush();
      patchMessage(failed.id, (m) => ({ ...m, failed: false }));
      return deliver(failed.id, failed.text).then(() => undefined);
    },
    /** Loads the stored thread after a reload (a missing or foreign one is forgotten), then sends the queue. */
    async restore(): Promise<void> {
      const started = () => messages.value.some((m) => !m.queued);
      // A signed-in worker on a new device (nothing in this tab) continues their latest thread.
      if (!conversationId.value && !started() && deps.client.signedIn?.()) {
        const latest = await deps.client.latestConversation?.();
        if (latest?.ok && latest.value && !conversationId.value && !started()) {
          conversationId.value = latest.value;
          deps.conversations.save(latest.value);
        }
      }
      const id = conversationId.value;
      if (id && !started()) {
        const result = await deps.client.loadHistory(id);
        if (!result.ok) {
          if (
            conversationId.value === id &&
            (result.error.code === 'not_found' || result.error.code === 'forbidden')
          ) {
            conversationId.value = null;
            deps.conversations.clear();
            persistQueue();
          }
        } else if (!started() && conversationId.value === id) {
          // (Otherwise typing started meanwhile, or another person signed in: not shown.)
          const { messages: stored, escalation } = result.value;
          const lastAnswer = stored.map((m) => m.role).lastIndexOf('assistant');
          // The hand-over notice belongs under the answer that made it, the latest one.
          messages.value = [
            ...stored.map(
              (m, i): ChatMessage => ({
                id: m.id,
                role: m.role,
                ...(m.author ? { author: m.author } : {}),
                text: m.text,
                citations: m.citations,
                escalation: i === lastAnswer ? escalation : null,
                ...(m.role === 'assistant' ? { serverId: m.id } : {}),
                ...(m.attachments?.length ? { attachments: m.attachments } : {}),
              }),
            ),
            ...messages.value,
          ];
        }
      }
      await flush();
    },
    /** Thumbs on an answer, optionally with a comment; again on the same answer replaces it. */
    async rate(id: string, thumbs: 'up' | 'down', comment?: string): Promise<boolean> {
      const answer = messages.value.find((m) => m.id === id);
      const conversation = conversationId.value;
      if (!answer?.serverId || !conversation) return false;
      patchMessage(id, (m) => ({ ...m, feedback: thumbs }));
      const result = await deps.client.sendFeedback({
        conversation_id: conversation,
        message_id: answer.serverId,
        thumbs,
        ...(comment?.trim() ? { comment: comment.trim() } : {}),
      });
      return result.ok;
    },
    /** The 1-5 rating of the whole conversation, given when it ends. */
    async rateConversation(rating: 1 | 2 | 3 | 4 | 5): Promise<boolean> {
      const conversation = conversationId.value;
      if (!conversation) return false;
      return (await deps.client.sendFeedback({ conversation_id: conversation, rating })).ok;
    },
    pending,
    /** Uploads a file or voice note (null when the client cannot). */
    upload: deps.client.upload ?? null,
    /** Joins the thread an upload created, when none was open yet. */
    adopt: action((id: string): void => {
      if (conversationId.value) return;
      conversationId.value = id;
      deps.conversations.save(id);
    }),
    /** The citation's PDF link if still valid (null: ask `freshSourceHref`). */
    sourceHref: deps.client.sourceHref,
    freshSourceHref: deps.client.freshSourceHref,
    /**
     * Forgets the thread (another person signed in or out, or "new conversation"): nothing of
     * it stays on screen or in storage, queued messages included.
     */
    reset: action((): void => {
      controller?.abort();
      controller = null;
      messages.value = [];
      pending.value = [];
      conversationId.value = null;
      deps.conversations.clear();
      error.value = null;
      status.value = 'idle';
    }),
    /** Stops any answer in flight; the model is unusable afterwards. */
    dispose(): void {
      controller?.abort();
      controller = null;
      stopWatching();
    },
  };
}

export type ChatModel = ReturnType<typeof createChatModel>;
