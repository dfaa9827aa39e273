/**
 * API contract v1: every event, JSON body and error code the widget and portals see, defined
 * once. Later work extends it (new optional fields, new events) and never breaks it; readers
 * ignore what they do not know. The widget keeps its own copy (widget/src/api/types.ts, no
 * backend code in the bundle) and `widget/src/api/contract.test.ts` checks the two agree.
 */

/** Every machine-readable error code, with the HTTP status it is sent with. */
export const STATUS_BY_ERROR_CODE = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

/** The closed union of error codes. */
export type ErrorCode = keyof typeof STATUS_BY_ERROR_CODE;

/** The error codes as a list, for clients that check what they receive. */
export const ERROR_CODES = Object.keys(STATUS_BY_ERROR_CODE) as ErrorCode[];

/** `{ "error": { code, message, request_id } }`: the body of every failed request. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    request_id: string;
    /** Extra machine-readable facts, e.g. `{ reason: 'pdf_encrypted' }`. */
    details?: Record<string, unknown>;
  };
}

/** A passage an answer was built from: shown as "Title, p. N". */
export interface Citation {
  document_id: string;
  title: string;
  page: number;
  snippet: string;
}

/**
 * Why a turn was handed to a person: the evidence did not support an answer, nothing relevant
 * was found, the person asked, or the topic needs a person (account problem, dispute, fraud,
 * legal threat).
 */
export type EscalationReason =
  | 'low_confidence'
  | 'user_requested'
  | 'no_knowledge'
  | 'sensitive_topic';

/** A hand-over to a person; `ticket_id` once the Zendesk ticket exists. */
export interface Escalation {
  status: 'pending';
  reason: EscalationReason;
  ticket_id?: string;
}

/**
 * How a turn ended. `closest_passage` means: not confident, here is the closest help-centre
 * passage, and a person is one click away (the widget offers the button).
 */
export type TurnOutcome =
  | 'answered'
  | 'closest_passage'
  | 'handed_over'
  | 'declined'
  | 'small_talk'
  | 'sign_in_required';

/** `POST /api/v1/chat/message` request body. */
export interface ChatMessageRequest {
  /** 1..4000 characters. */
  message: string;
  conversation_id?: string;
}

/** The data of each server-sent event of a streamed turn, by event name. */
export interface StreamEventData {
  meta: { conversation_id: string; message_id: string };
  token: { text: string };
  citations: Citation[];
  escalation: Escalation;
  done: { confidence: number; response_time_ms: number; outcome: TurnOutcome };
  error: { code: ErrorCode; message: string };
}

/** The event names of a streamed turn, in the order they can come (error may end any stream). */
export const STREAM_EVENTS = ['meta', 'token', 'citations', 'escalation', 'done', 'error'] as const;

/** One server-sent event of a streamed turn. */
export type StreamEvent = {
  [K in keyof StreamEventData]: { event: K; data: StreamEventData[K] };
}[keyof StreamEventData];

/** `POST /api/v1/chat/message` with `Accept: application/json`: the whole turn at once. */
export interface ChatAnswer {
  conversation_id: string;
  message_id: string;
  answer: string;
  citations: Citation[];
  confidence: number;
  escalation: Escalation | null;
  outcome: TurnOutcome;
  response_time_ms: number;
}

/** A stored message of a thread. */
export interface HistoryMessage {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  citations: Citation[];
  created_at: string;
}

/** `GET /api/v1/chat/history/:conversation_id`. */
export interface ConversationHistory {
  conversation_id: string;
  status: 'active' | 'escalation_pending' | 'closed';
  /** Set when the thread was handed to a person. */
  escalation: { status: 'pending'; ticket_id?: string } | null;
  messages: HistoryMessage[];
}

/** `POST /api/v1/auth/session`: a visitor session token. */
export interface SessionBody {
  token: string;
  expires_at: string;
}
