import type { KeyValueStore } from '../tab-storage';
import { networkFailure, readFailure, toApiErrorCode } from './failure';
import { jsonAnswerToEvents } from './json-answer';
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

/**
 * The widget's only door to the server. Every method resolves to an `ApiResult`; nothing it
 * does rejects, so a failure can never surface as an unhandled rejection in the host page.
 *
 * @example
 * const client = createApiClient({ api: 'https://chat.example.com', tenant: 'demo' });
 * const result = await client.sendMessage({ message: 'When do tips arrive?' }, (e) => console.log(e));
 */
export function createApiClient(options: ApiClientOptions) {
  const baseFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  // Every call names the protocol, so a newer server keeps answering this build as it expects.
  const doFetch: typeof fetch = (url, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Wagechat-Protocol', '2');
    return baseFetch(url, { ...init, headers });
  };
  const now = options.now ?? Date.now;
  const tokens = createSessionTokens({
    api: options.api,
    tenant: options.tenant,
    fetch: doFetch,
    now,
    storage: options.storage ?? null,
  });

  /** Sends with a visitor token; on 401 gets a fresh token and tries exactly once more. */
  async function authorized(path: string, init: RequestInit): Promise<ApiResult<Response>> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = await tokens.get();
      if (!token.ok) return token;
      let response: Response;
      try {
        response = await doFetch(`${options.api}${path}`, {
          ...init,
          headers: {
            ...(init.headers as Record<string, string>),
            Authorization: `Bearer ${token.value}`,
          },
        });
      } catch {
        return { ok: false, error: networkFailure() };
      }
      if (response.status === 401 && attempt === 0) {
        tokens.invalidate();
        continue;
      }
      if (!response.ok) return { ok: false, error: await readFailure(response) };
      return { ok: true, value: response };
    }
    return { ok: false, error: { code: 'unauthorized', message: 'The session was refused.' } };
  }

  /** The citation's PDF at its page, or null unless it has a signed link of ours with a minute left. */
  function sourceHref(citation: Citation): string | null {
    try {
      const url = new URL(citation.url ?? '', options.api);
      // A link elsewhere (or a javascript: URL) is never followed; an old one is renewed instead.
      if (!citation.url || url.origin !== new URL(options.api).origin) return null;
      if (!(Number(url.searchParams.get('exp')) * 1000 > now() + 60_000)) return null;
      url.hash = `page=${citation.page}`;
      return url.href;
    } catch {
      return null;
    }
  }

  /** An image, PDF or voice note, with progress and abort (api/uploads.ts). */
  const upload: Uploader = (input, onProgress) =>
    uploadAttachment(options.api, tokens.get, input, onProgress);

  return {
    upload,
    sourceHref,

    /** A freshly signed `sourceHref` for a citation whose link is missing or expired. */
    async freshSourceHref(citation: Citation): Promise<ApiResult<string>> {
      const sent = await authorized(
        `/api/v1/documents/${encodeURIComponent(citation.document_id)}/link`,
        { method: 'POST', headers: { Accept: 'application/json' } },
      );
      if (!sent.ok) return sent;
      const body = (await sent.value.json().catch(() => null)) as { url?: unknown } | null;
      const href =
        typeof body?.url === 'string' ? sourceHref({ ...citation, url: body.url }) : null;
      return href
        ? { ok: true, value: href }
        : { ok: false, error: { code: 'bad_response', message: 'The link could not be read.' } };
    },

    /** Stores feedback; sending the same message or conversation again replaces the earlier one. */
    async sendFeedback(input: FeedbackRequest): Promise<ApiResult<void>> {
      const sent = await authorized('/api/v1/chat/feedback', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(input),
      });
      return sent.ok ? { ok: true, value: undefined } : sent;
    },

    /**
     * Switches to the portal's signed-in user (their signed token) or, with null, to a fresh
     * visitor. True when the person changed, so the caller drops the previous thread.
     */
    identify: tokens.identify,
    signedIn: tokens.signedIn,

    /** The signed-in person's most recently active thread, from any device; null if none. */
    async latestConversation(): Promise<ApiResult<string | null>> {
      const sent = await authorized('/api/v1/chat/conversations?limit=1', {
        method: 'GET',
        headers: { Accept: 'application/json' },
      });
      if (!sent.ok) return sent;
      const body = (await sent.value.json().catch(() => null)) as {
        conversations?: Array<{ conversation_id?: unknown }>;
      } | null;
      const id = body?.conversations?.[0]?.conversation_id;
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
      const body = JSON.stringify({
        message: input.message,
        ...(input.conversationId ? { conversation_id: input.conversationId } : {}),
        ...(input.attachmentIds?.length ? { attachment_ids: input.attachmentIds } : {}),
      });
      const sent = await authorized('/api/v1/chat/message', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body,
        ...(signal ? { signal } : {}),
      });
      if (!sent.ok) return sent;
      const response = sent.value;
      try {
        const type = response.headers.get('content-type') ?? '';
        if (type.includes('application/json')) {
          for (const event of jsonAnswerToEvents(await response.json())) onEvent(event);
          return { ok: true, value: undefined };
        }
        if (!response.body)
          return { ok: false, error: { code: 'bad_response', message: 'The answer was empty.' } };
        for await (const event of readChatEvents(response.body)) {
          if (event.type === 'error') {
            const code =
              event.code === 'bad_response'
                ? 'bad_response'
                : toApiErrorCode(event.code, 'internal');
            return { ok: false, error: { code, message: event.message } };
          }
          onEvent(event);
          if (event.type === 'done') return { ok: true, value: undefined };
        }
      } catch {
        // A dropped connection mid-stream lands here as well as an abort.
      }
      return {
        ok: false,
        error: { code: 'stream_interrupted', message: 'The answer was cut off. Please try again.' },
      };
    },

    /** The stored thread, so a reload shows the same conversation. */
    async loadHistory(conversationId: string): Promise<ApiResult<ConversationHistory>> {
      const sent = await authorized(`/api/v1/chat/history/${encodeURIComponent(conversationId)}`, {
        method: 'GET',
        headers: { Accept: 'application/json' },
      });
      if (!sent.ok) return sent;
      const body = (await sent.value.json().catch(() => null)) as {
        messages?: unknown;
        escalation?: unknown;
      } | null;
      if (!body || !Array.isArray(body.messages)) {
        return {
          ok: false,
          error: { code: 'bad_response', message: 'The history could not be read.' },
        };
      }
      const messages: HistoryMessage[] = body.messages
        .filter((m): m is Record<string, unknown> => typeof m === 'object' && m !== null)
        .filter((m) => ['user', 'assistant', 'agent'].includes(m.role as string))
        .filter((m) => typeof m.text === 'string')
        .map((m) => ({
          id: String(m.id ?? ''),
          role: m.role as HistoryMessage['role'],
          ...(typeof (m.author as { name?: unknown } | null)?.name === 'string'
            ? { author: { name: (m.author as { name: string }).name } }
            : {}),
          text: m.text as string,
          citations: toCitations(m.citations),
          ...(Array.isArray(m.attachments) ? { attachments: m.attachments as Attachment[] } : {}),
          created_at: String(m.created_at ?? ''),
        }));
      return {
        ok: true,
        value: {
          conversation_id: conversationId,
          messages,
          escalation: toEscalation(body.escalation),
        },
      };
    },
  };
}
