/**
 * An in-memory stand-in for the Wagechat HTTP API (contract v1), reached through a fake
 * `fetch`. It is a double at the network edge only: the widget's own modules run for real.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

/** How the fake answers one chat message. */
export type ChatReply =
  | { kind: 'stream'; chunks: string[]; gate?: Promise<void> }
  | { kind: 'status'; status: number; body: unknown }
  | { kind: 'json'; body: unknown }
  | { kind: 'network-error' };

export function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A complete streamed answer, cut into the given number of pieces at arbitrary places. */
export function answerStream(options: {
  conversationId?: string;
  text: string;
  citations?: Array<{ document_id: string; title: string; page: number; snippet: string }>;
  escalation?: { status: string; ticket_id?: string };
  outcome?: string;
}): string {
  const words = options.text.split(/(?<= )/);
  return [
    sse('meta', { conversation_id: options.conversationId ?? 'c_1', message_id: 'm_1' }),
    ...words.map((w) => sse('token', { text: w })),
    sse('citations', options.citations ?? []),
    ...(options.escalation ? [sse('escalation', options.escalation)] : []),
    sse('done', {
      confidence: options.escalation ? 0.2 : 0.9,
      response_time_ms: 12,
      outcome: options.outcome ?? (options.escalation ? 'handed_over' : 'answered'),
    }),
  ].join('');
}

export function createFakeChatServer() {
  const requests: RecordedRequest[] = [];
  const replies: ChatReply[] = [];
  let tokenCounter = 0;
  let tokenLifetimeMs = 15 * 60_000;
  let history: unknown = null;
  let conversations: unknown[] = [];
  const validTokens = new Set<string>();
  // Tokens the server would still renew into the same visitor (the real one allows a day).
  const renewable = new Set<string>();

  function json(status: number, body: unknown): Response {
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    // Lower-cased by hand: happy-dom's Headers keeps the caller's spelling.
    const headers = Object.fromEntries(
      [...new Headers(init.headers).entries()].map(([k, v]) => [k.toLowerCase(), v]),
    );
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : null;
    const method = init.method ?? 'GET';
    requests.push({ method, path: url.pathname, headers, body });
    if (method === 'POST' && url.pathname === '/api/v1/auth/session') {
      const previous = headers.authorization?.replace(/^Bearer /, '');
      if (previous && !renewable.has(previous)) {
        return json(401, { error: { code: 'unauthorized', message: 'Too old', request_id: 'r0' } });
      }
      const token = `t${++tokenCounter}`;
      validTokens.add(token);
      renewable.add(token);
      return json(201, { token, expires_at: new Date(Date.now() + tokenLifetimeMs).toISOString() });
    }
    const token = headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!validTokens.has(token)) {
      return json(401, {
        error: { code: 'unauthorized', message: 'Token expired', request_id: 'r1' },
      });
    }
    if (url.pathname === '/api/v1/chat/conversations') {
      return json(200, { conversations });
    }
    if (url.pathname.startsWith('/api/v1/chat/history/')) {
      return history === null
        ? json(404, {
            error: { code: 'not_found', message: 'No such conversation', request_id: 'r2' },
          })
        : json(200, history);
    }
    const reply = replies.shift() ?? {
      kind: 'status',
      status: 500,
      body: { error: { code: 'internal', message: 'no reply scripted' } },
    };
    switch (reply.kind) {
      case 'network-error':
        throw new TypeError('Failed to fetch');
      case 'status':
        return json(reply.status, reply.body);
      case 'json':
        return json(200, reply.body);
      default: {
        const encoder = new TextEncoder();
        const { chunks, gate } = reply;
        const stream = new ReadableStream<Uint8Array>({
          async start(controller) {
            const half = Math.ceil(chunks.length / 2);
            for (const [i, chunk] of chunks.entries()) {
              if (i === half && gate) await gate;
              controller.enqueue(encoder.encode(chunk));
            }
            controller.close();
          },
        });
        return new Response(stream, {
          status: 200,
          headers: { 'content-type': 'text/event-stream' },
        });
      }
    }
  };

  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    /** Queue how the next chat messages are answered, in order. */
    reply(...next: ChatReply[]) {
      replies.push(...next);
    },
    setHistory(value: unknown) {
      history = value;
    },
    /** The caller's threads, as `GET /chat/conversations` lists them (default none). */
    setConversations(value: unknown[]) {
      conversations = value;
    },
    setTokenLifetime(ms: number) {
      tokenLifetimeMs = ms;
    },
    revokeTokens() {
      validTokens.clear();
    },
    /** Past the renewal grace: the server refuses to renew any token issued so far. */
    forgetRenewals() {
      renewable.clear();
    },
  };
}

/** Cuts text into pieces of `size` characters, to prove parsing survives any chunk boundary. */
export function chunk(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
