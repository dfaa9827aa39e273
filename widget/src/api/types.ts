/**
 * The widget's copy of API contract v1 (the backend's is backend/src/contract/v1.ts; the bundle
 * must not import backend code). `contract.test.ts` checks the two agree. Later versions extend
 * the contract, never break it, so readers here ignore fields and events they do not know.
 */

/** A passage the answer was built from: shown as "Title, p. N". */
export interface Citation {
  document_id: string;
  title: string;
  page: number;
  snippet: string;
  /** Path-relative signed link to the PDF (~15 minutes): `/api/v1/documents/<id>/file?v=&exp=&sig=`. */
  url?: string;
}

/** Why a turn was handed over (absent in history, which covers the whole thread). */
export type EscalationReason =
  | 'low_confidence'
  | 'user_requested'
  | 'no_knowledge'
  | 'sensitive_topic';

/** Set when the answer is handed over to a person. */
export interface Escalation {
  status: string;
  reason?: EscalationReason;
  ticket_id?: string;
}

/**
 * How a turn ended. On `closest_passage` the answer quotes the nearest help-centre passage and
 * the widget offers a person in one click.
 */
export type TurnOutcome =
  | 'answered'
  | 'closest_passage'
  | 'handed_over'
  | 'declined'
  | 'small_talk'
  | 'sign_in_required';

/** The stream's event names; others (from newer servers) are ignored. */
export const CHAT_EVENT_NAMES = [
  'meta',
  'token',
  'citations',
  'escalation',
  'done',
  'error',
] as const;

/** One typed event of the chat stream. */
export type ChatEvent =
  | { type: 'meta'; conversation_id: string; message_id: string }
  | { type: 'token'; text: string }
  | { type: 'citations'; citations: Citation[] }
  | { type: 'escalation'; escalation: Escalation }
  | { type: 'done'; confidence: number; response_time_ms: number; outcome: TurnOutcome | null }
  | { type: 'error'; code: string; message: string };

/** Every error code the server can send. */
export const SERVER_ERROR_CODES = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'unsupported_media_type',
  'unprocessable',
  'rate_limited',
  'internal',
  'unavailable',
  'unsupported_protocol',
] as const;

/**
 * Closed set of failures the widget can be in: the server's codes plus the ones only a client
 * sees (no network, a body we cannot read, a stream cut short).
 */
export type ApiErrorCode =
  | (typeof SERVER_ERROR_CODES)[number]
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

/** A chat upload or voice note, as the server stored it. */
export interface Attachment {
  id: string;
  conversation_id: string;
  kind: 'file' | 'voice';
  name: string;
  content_type: string;
  bytes: number;
  created_at: string;
}

/** 201 from `POST /api/v1/chat/upload`; `transcript` is redacted, voice in connected mode. */
export interface UploadBody {
  attachment: Attachment;
  transcript?: string;
  transcription: 'done' | 'unavailable';
}

/** A stored message from `GET /api/v1/chat/history/:id`. */
export interface HistoryMessage {
  id: string;
  /** `agent`: a named person of the support team (with `author`), once hand-over replies arrive. */
  role: 'user' | 'assistant' | 'agent';
  author?: { name: string };
  text: string;
  citations: Citation[];
  attachments?: Attachment[];
  created_at: string;
}

export interface ConversationHistory {
  conversation_id: string;
  messages: HistoryMessage[];
  /** Set when the thread was handed to a person. */
  escalation: Escalation | null;
}

/** `GET /api/v1/chat/conversations`: the caller's own threads, most recently active first. */
export interface ConversationList {
  conversations: Array<{
    conversation_id: string;
    status: 'active' | 'escalation_pending' | 'closed';
    updated_at: string;
  }>;
}

/** `POST /api/v1/chat/feedback`: thumbs (with `message_id`) or a 1-5 rating of the conversation. */
export interface FeedbackRequest {
  conversation_id: string;
  message_id?: string;
  thumbs?: 'up' | 'down';
  rating?: 1 | 2 | 3 | 4 | 5;
  /** At most 1000 characters. */
  comment?: string;
}

/** `GET /api/v1/widget/config?tenant=<id>`: the tenant's theme; options on the tag win. */
export interface WidgetConfigBody {
  tenant: string;
  title: string;
  greeting: string;
  accent: string;
  logo_url: string | null;
  position: 'bottom-right' | 'bottom-left';
  suggestions: string[];
}

/** `POST /api/v1/documents/:id/link`: a fresh signed link. */
export interface DocumentLinkBody {
  url: string;
  expires_at: string;
}
