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
  attachments?: Attachment[] | undefined;
}

/** Whether the browser is online, and a way to hear when it comes back. */
export interface NetworkWatch {
  online(): boolean;
  /** Calls `listener` on each reconnect; returns the unsubscribe. */
  onOnline(listener: () => void): () => void;
}

/** Everything the panel shows. Replaced, never changed in place, so a changed part is a new object. */
export interface ChatState {
  readonly status: ChatStatus;
  readonly messages: ChatMessage[];
  readonly error: ApiFailure | null;
  readonly conversationId: string | null;
  /** Uploaded, not yet sent: they go with the next message. */
  readonly pending: Attachment[];
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
 * The chat's state and actions in one disposable unit. `state` is a snapshot; `subscribe`
 * hears every change (the panel renders again through Preact's own queue, which coalesces a
 * burst of streamed tokens into one render).
 *
 * @example const chat = createChatModel(deps); await chat.send('When do tips arrive?'); chat.dispose()
 */
export function createChatModel({
  client,
  conversations,
  emit,
  network = browserNetwork,
}: ChatModelDeps) {
  let controller: AbortController | null = null;
  let localId = 0;
  let flushing = false;
  const listeners = new Set<() => void>();

  /** A message the server has not numbered yet. */
  const local = (role: ChatMessage['role'], text: string, more?: Partial<ChatMessage>) => ({
    id: `local-${++localId}`,
    role,
    text,
    citations: [],
    escalation: null,
    ...more,
  });
  let state: ChatState = {
    status: 'idle',
    // Typed offline before a reload, with what was uploaded for it: shown again at once, sent
    // once the thread is restored.
    messages: conversations.loadQueue().map((q) => local('user', q.text, { ...q, queued: true })),
    error: null,
    conversationId: conversations.load(),
    pending: [],
  };

  /** Applies `change` and tells every subscriber. */
  const set = (change: Partial<ChatState>) => {
    state = { ...state, ...change };
    for (const listener of listeners) listener();
  };
  const busy = () => state.status === 'sending' || state.status === 'streaming';

  const find = (id: string) => state.messages.find((m) => m.id === id);
  const persistQueue = () => conversations.saveQueue(state.messages.filter((m) => m.queued));

  /** Changes the message `id` by what `change` returns for it. */
  const patch = (id: string, change: (m: ChatMessage) => Partial<ChatMessage>) =>
    set({ messages: state.messages.map((m) => (m.id === id ? { ...m, ...change(m) } : m)) });

  /** Joins the thread `id`, here and in the tab's storage; null forgets the thread and queue. */
  function join(id: string | null): void {
    set({ conversationId: id });
    if (id) conversations.save(id);
    else conversations.clear();
  }

  function apply(answerId: string, event: ChatEvent): void {
    switch (event.type) {
      case 'meta':
        join(event.conversation_id);
        if (event.message_id) patch(answerId, () => ({ serverId: event.message_id }));
        break;
      case 'token':
        if (state.status !== 'streaming') set({ status: 'streaming' });
        patch(answerId, (m) => ({ text: m.text + event.text }));
        break;
      case 'citations':
        patch(answerId, () => ({ citations: event.citations }));
        break;
      case 'escalation':
        patch(answerId, () => ({ escalation: event.escalation }));
        emit('escalation', event.escalation);
        break;
      case 'done':
        patch(answerId, () => ({ outcome: event.outcome }));
    }
  }

  /** Sends one user message; true when its answer arrived whole. */
  async function deliver(userId: string, text: string): Promise<boolean> {
    controller?.abort();
    const own = new AbortController();
    controller = own;
    const answer = local('assistant', '');
    // The answer goes right under its question, also when more were typed after it (queued).
    const at = state.messages.findIndex((m) => m.id === userId);
    const attachmentIds = state.messages[at]?.attachments?.map((a) => a.id);
    set({ messages: state.messages.toSpliced(at + 1, 0, answer), status: 'sending', error: null });
    const result = await client.sendMessage(
      { message: text, conversationId: state.conversationId, attachmentIds },
      (event) => apply(answer.id, event),
      own.signal,
    );
    if (own.signal.aborted) return false; // unmounted or superseded: nobody is watching this send
    controller = null;
    if (result.ok) {
      set({ status: 'idle' });
      const { text } = find(answer.id) ?? answer;
      emit('message', { role: 'assistant', text, conversationId: state.conversationId });
      return true;
    }
    // A half-streamed answer is dropped: the retry will produce a whole one. Without a network
    // the message waits in the queue (nothing typed is lost); other failures offer a retry.
    const failure = result.error;
    const mark = failure.code === 'network' ? 'queued' : 'failed';
    // The stored conversation is gone (expired or another tenant): start a new one on retry.
    if (failure.code === 'not_found') join(null);
    set({
      messages: state.messages
        .filter((m) => m.id !== answer.id)
        .map((m) => (m.id === userId ? { ...m, [mark]: true } : m)),
      error: failure,
      status: 'error',
    });
    persistQueue();
    emit('error', failure);
    return false;
  }

  /** Sends the queued messages in order, stopping at the first that fails again. */
  async function flush(): Promise<void> {
    if (flushing || busy() || !network.online()) return;
    flushing = true;
    try {
      for (;;) {
        const next = state.messages.find((m) => m.queued);
        if (!next) return;
        patch(next.id, () => ({ queued: false }));
        persistQueue();
        if (!(await deliver(next.id, next.text))) return;
      }
    } finally {
      flushing = false;
    }
  }

  const stopWatching = network.onOnline(() => void flush());

  return {
    /** The current snapshot; a new object after every change. */
    get state(): ChatState {
      return state;
    },
    /** True while an answer is on its way. */
    busy,
    /** Calls `listener` after every change; returns the unsubscribe. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /**
     * Sends the visitor's text; ignored while an answer streams or when empty/too long. Offline
     * (or while earlier messages wait) it joins the queue, shown as waiting to send.
     */
    async send(text: string): Promise<void> {
      const message = text.trim();
      if (busy() || !message || message.length > maxMessageLength) return;
      const queued = !network.online() || state.messages.some((m) => m.queued);
      const attachments = state.pending.length ? state.pending : undefined;
      const user = local('user', message, { queued, attachments });
      set({ pending: [], messages: [...state.messages.filter((m) => !m.failed), user] });
      emit('message', { role: 'user', text: message, conversationId: state.conversationId });
      if (!queued) {
        await deliver(user.id, message);
        return;
      }
      persistQueue();
      await flush();
    },
    /** Sends the last failed message again, or what waits in the queue. */
    async retry(): Promise<void> {
      const failed = state.messages.findLast((m) => m.failed);
      if (busy()) return;
      if (!failed) return flush();
      patch(failed.id, () => ({ failed: false }));
      await deliver(failed.id, failed.text);
    },
    /** Loads the stored thread after a reload (a missing or foreign one is forgotten), then sends the queue. */
    async restore(): Promise<void> {
      const started = () => state.messages.some((m) => !m.queued);
      // A signed-in worker on a new device (nothing in this tab) continues their latest thread.
      if (!state.conversationId && !started() && client.signedIn?.()) {
        const latest = await client.latestConversation?.();
        if (latest?.ok && latest.value && !state.conversationId && !started()) join(latest.value);
      }
      const id = state.conversationId;
      if (id && !started()) {
        const result = await client.loadHistory(id);
        if (!result.ok) {
          const { code } = result.error;
          if (state.conversationId === id && (code === 'not_found' || code === 'forbidden')) {
            join(null);
            persistQueue();
          }
        } else if (!started() && state.conversationId === id) {
          // (Otherwise typing started meanwhile, or another person signed in: not shown.)
          const { messages: stored, escalation } = result.value;
          const lastAnswer = stored.findLastIndex((m) => m.role === 'assistant');
          // The hand-over notice belongs under the answer that made it, the latest one.
          set({
            messages: [
              ...stored.map(
                (m, i): ChatMessage => ({
                  ...m,
                  escalation: i === lastAnswer ? escalation : null,
                  ...(m.role === 'assistant' ? { serverId: m.id } : {}),
                }),
              ),
              ...state.messages,
            ],
          });
        }
      }
      await flush();
    },
    /** Thumbs on an answer, optionally with a comment; again on the same answer replaces it. */
    async rate(id: string, thumbs: 'up' | 'down', comment?: string): Promise<boolean> {
      const serverId = find(id)?.serverId;
      const conversation = state.conversationId;
      if (!serverId || !conversation) return false;
      patch(id, () => ({ feedback: thumbs }));
      const note = comment?.trim();
      const result = await client.sendFeedback({
        conversation_id: conversation,
        message_id: serverId,
        thumbs,
        ...(note ? { comment: note } : {}),
      });
      return result.ok;
    },
    /** The 1-5 rating of the whole conversation, given when it ends. */
    async rateConversation(rating: 1 | 2 | 3 | 4 | 5): Promise<boolean> {
      const conversation = state.conversationId;
      return (
        !!conversation && (await client.sendFeedback({ conversation_id: conversation, rating })).ok
      );
    },
    /** Uploads a file or voice note (null when the client cannot). */
    upload: client.upload ?? null,
    /** Keeps an upload for the next message, joining the thread it created if none was open. */
    attach(attachment: Attachment): void {
      if (!state.conversationId) join(attachment.conversation_id);
      set({ pending: [...state.pending, attachment] });
    },
    /** Takes an upload off the next message. */
    detach(id: string): void {
      set({ pending: state.pending.filter((a) => a.id !== id) });
    },
    /** The citation's PDF link if still valid (null: ask `freshSourceHref`). */
    sourceHref: client.sourceHref,
    freshSourceHref: client.freshSourceHref,
    /**
     * Forgets the thread (another person signed in or out, or "new conversation"): nothing of
     * it stays on screen or in storage, queued messages included.
     */
    reset(): void {
      controller?.abort();
      controller = null;
      join(null);
      set({ messages: [], pending: [], error: null, status: 'idle' });
    },
    /** Stops any answer in flight; the model is unusable afterwards. */
    dispose(): void {
      controller?.abort();
      controller = null;
      stopWatching();
    },
  };
}

export type ChatModel = ReturnType<typeof createChatModel>;
