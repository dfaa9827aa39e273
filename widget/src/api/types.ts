/**
 * Wire types of API contract v1 (issue 2). Later versions extend it, never break it,
 * so readers here ignore fields and events they do not know.
 */

/** A passage the answer was built from: shown as "Title, p. N". */
export interface Citation {
  document_id: string;
  title: string;
  page: number;
  snippet: string;
}

/** Set when the answer is handed over to a person. */
export interface Escalation {
  status: string;
  ticket_id?: string;
}

/** One typed event of the chat stream. */
export type ChatEvent =
  | { type: 'meta'; conversation_id: string; message_id: string }
  | { type: 'token'; text: string }
  | { type: 'citations'; citations: Citation[] }
  | { type: 'escalation'; escalation: Escalation }
  | { type: 'done'; confidence: number; response_time_ms: number }
  | { type: 'error'; code: string; message: string };

/**
 * Closed set of failures the widget can be in: the server's codes plus the ones only a client
 * sees (no network, a body we cannot read, a stream cut short).
 */
export type ApiErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'too_large'
  | 'rate_limited'
  | 'internal'
  | 'network'
  | 'bad_response'
  | 'stream_interrupted';

/** A failure as state, never thrown into the host page. */
export interface ApiFailure {
  code: ApiErrorCode;
  message: string;
  status?: number;
  requestId?: string;
}

/** Outcome of every client call. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

/** A stored message from `GET /api/v1/chat/history/:id`. */
export interface HistoryMessage {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  citations: Citation[];
  created_at: string;
}

export interface ConversationHistory {
  conversation_id: string;
  messages: HistoryMessage[];
  /** Set when the thread was handed to a person. */
  escalation: Escalation | null;
}
