import type { KeyValueStore } from '../tab-storage';
import { failed, readJson, toApiErrorCode, unreadable } from './failure';
import { jsonAnswerToEvents } from './json-answer';
import { type ApiRequest, request } from './request';
import { createSessionTokens } from './session';
import { readChatEvents, toCitations, toEscalation } from './sse';
import type {
  ApiResult,
  Attachment,
  ChatEvent,
  Citation,
  ConversationHistory,
  FeedbackRequest,
  HistoryMessage,
} from './types';
import { type Uploader, uploadAttachment } from './uploads';

/** Where the client talks to and with what; `fetch` and `now` are arguments so tests pass fakes. */
export interface ApiClientOptions {
  api: string;
  tenant: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Keeps the visitor token for this tab (sessionStorage in the browser). */
  storage?: KeyValueStore | null;
}

/** One user message to send. */
export interface SendInput {
  message: string;
  conversationId?: string | null;
  /** Uploads (`upload`) sent with this message. */
  attachmentIds?: string[] | undefined;
}

/** The client as the chat model sees it. */
export type ApiClient = ReturnType<typeof createApiClient>;

const roles = ['user', 'assistant', 'agent'];

/** A stored message we can show, or null (an unknown role, say a newer server's `system`). */
function toHistoryMessage(value: unknown): HistoryMessage | null {
  const m = (value ?? {}) as Record<string, unknown>;
  if (!roles.includes(m.role as string) || typeof m.text !== 'string') return null;
  const author = (m.author ?? {}) as { name?: unknown };
  return {
    id: String(m.id ?? ''),
    role: m.role as HistoryMessage['role'],
    ...(typeof author.name === 'string' ? { author: { name: author.name } } : {}),
    text: m.text,
    citations: toCitations(m.citations),
    ...(Array.isArray(m.attachments) ? { attachments: m.attachments as Attachment[] } : {}),
    created_at: String(m.created_at ?? ''),
  };
}

const done: ApiResult<void> = { ok: true, value: undefined };

/**
 * The widget's only door to the server. Every method resolves to an `ApiResult`; nothing it
 * does rejects, so a failure can never surface as an unhandled rejection in the host page.
 *
 * @example
 * const client = createApiClient({ api: 'https://chat.example.com', tenant: 'demo' });
 * const result = await client.sendMessage({ message: 'When do tips arrive?' }, (e) => console.log(e));
 */
export function createApiClient(options: ApiClientOptions) {
  const { api, tenant } = options;
  const fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? Date.now;
  const tokens = createSessionTokens({ api, tenant, fetch, now, storage: options.storage ?? null });

  /** Calls `path` with a session token; on 401 gets a fresh token and tries exactly once more. */
  async function authorized(
    path: string,
    init: ApiRequest = {},
    retry = true,
  ): Promise<ApiResult<Response>> {
    const token = await tokens.get();
    if (!token.ok) return token;
    const sent = await request(fetch, api + path, { ...init, token: token.value });
    if (sent.ok || sent.error.status !== 401 || !retry) return sent;
    tokens.invalidate();
    return authorized(path, init, false);
  }

  /** The JSON body of an authorized call, or null when it has none we can read. */
  async function getJson<T>(
    path: string,
    init?: ApiRequest,
  ): Promise<ApiResult<Partial<T> | null>> {
    const sent = await authorized(path, init);
    return sent.ok ? { ok: true, value: (await readJson(sent.value)) as Partial<T> | null } : sent;
  }

  /** The citation's PDF at its page, or null unless it has a signed link of ours with a minute left. */
  function sourceHref(citation: Citation): string | null {
    try {
      const url = new URL(citation.url ?? '', api);
      // A link elsewhere (or a javascript: URL) is never followed; an old one is renewed instead.
      if (!citation.url || url.origin !== new URL(api).origin) return null;
      if (!(Number(url.searchParams.get('exp')) * 1000 > now() + 60_000)) return null;
      url.hash = `page=${citation.page}`;
      return url.href;
    } catch {
      return null;
    }
  }

  /** An image, PDF or voice note, with progress and abort (api/uploads.ts). */
  const upload: Uploader = (input, onProgress) =>
    uploadAttachment(api, tokens.get, input, onProgress);

  return {
    upload,
    sourceHref,

    /** A freshly signed `sourceHref` for a citation whose link is missing or expired. */
    async freshSourceHref(citation: Citation): Promise<ApiResult<string>> {
      const sent = await getJson<{ url: unknown }>(
        `/api/v1/documents/${encodeURIComponent(citation.document_id)}/link`,
        { method: 'POST' },
      );
      if (!sent.ok) return sent;
      const url = sent.value?.url;
      const href = typeof url === 'string' && sourceHref({ ...citation, url });
      return href ? { ok: true, value: href } : unreadable();
    },

    /** Stores feedback; sending the same message or conversation again replaces the earlier one. */
    async sendFeedback(input: FeedbackRequest): Promise<ApiResult<void>> {
      const sent = await authorized('/api/v1/chat/feedback', { body: input });
      return sent.ok ? done : sent;
    },

    /**
     * Switches to the portal's signed-in user (their signed token) or, with null, to a fresh
     * visitor. True when the person changed, so the caller drops the previous thread.
     */
    identify: tokens.identify,
    signedIn: tokens.signedIn,

    /** The signed-in person's most recently active thread, from any device; null if none. */
    async latestConversation(): Promise<ApiResult<string | null>> {
      const sent = await getJson<{ conversations: Array<{ conversation_id?: unknown }> }>(
        '/api/v1/chat/conversations?limit=1',
      );
      if (!sent.ok) return sent;
      const id = sent.value?.conversations?.[0]?.conversation_id;
      return { ok: true, value: typeof id === 'string' ? id : null };
    },

    /**
     * Sends a message and calls `onEvent` for each event as it arrives. Resolves ok once `done`
     * arrives; an `error` event or a stream that stops early resolves as a failure.
     */
    async sendMessage(
      input: SendInput,
      onEvent: (event: ChatEvent) => void,
      signal?: AbortSignal,
    ): Promise<ApiResult<void>> {
      const sent = await authorized('/api/v1/chat/message', {
        body: {
          message: input.message,
          ...(input.conversationId ? { conversation_id: input.conversationId } : {}),
          ...(input.attachmentIds?.length ? { attachment_ids: input.attachmentIds } : {}),
        },
        accept: 'text/event-stream',
        signal,
      });
      if (!sent.ok) return sent;
      const response = sent.value;
      try {
        // A server or proxy that does not stream answers with the whole turn as JSON.
        if (response.headers.get('content-type')?.includes('application/json')) {
          for (const event of jsonAnswerToEvents(await response.json())) onEvent(event);
          return done;
        }
        if (!response.body) return unreadable();
        for await (const event of readChatEvents(response.body)) {
          if (event.type === 'error') {
            const { code } = event;
            return failed(
              code === 'bad_response' ? code : toApiErrorCode(code, 'internal'),
              event.message,
            );
          }
          onEvent(event);
          if (event.type === 'done') return done;
        }
      } catch {
        // A dropped connection mid-stream lands here as well as an abort.
      }
      return failed('stream_interrupted', 'The answer was cut off. Please try again.');
    },

    /** The stored thread, so a reload shows the same conversation. */
    async loadHistory(conversationId: string): Promise<ApiResult<ConversationHistory>> {
      const sent = await getJson<{ messages: unknown; escalation: unknown }>(
        `/api/v1/chat/history/${encodeURIComponent(conversationId)}`,
      );
      if (!sent.ok) return sent;
      const messages = sent.value?.messages;
      if (!Array.isArray(messages)) return unreadable();
      return {
        ok: true,
        value: {
          conversation_id: conversationId,
          messages: messages.map(toHistoryMessage).filter((m) => m !== null),
          escalation: toEscalation(sent.value?.escalation),
        },
      };
    },
  };
}
