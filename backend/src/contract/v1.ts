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
  /** The `Wagechat-Protocol` header names a version this server does not speak. */
  unsupported_protocol: 400,
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
  /** Path-relative signed link to the PDF (~15 minutes): `/api/v1/documents/<id>/file?v=&exp=&sig=`. */
  url?: string;
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
  /** The caller's own uploads in the same conversation, not yet sent (at most 10). */
  attachment_ids?: string[];
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

/** A chat upload or voice note (`POST /api/v1/chat/upload`); bytes at `/chat/attachments/:id`. */
export interface Attachment {
  id: string;
  conversation_id: string;
  kind: 'file' | 'voice';
  /** The sanitised file name. */
  name: string;
  /** Decided from the bytes, not the name: image/png|jpeg|webp|gif, application/pdf, audio/*. */
  content_type: string;
  bytes: number;
  created_at: string;
}

/** 201 from `POST /api/v1/chat/upload`. */
export interface UploadBody {
  attachment: Attachment;
  /** A voice note's transcript, PII redacted (connected mode only). */
  transcript?: string;
  /** 'unavailable' for files, offline, or when the provider failed; the note is kept either way. */
  transcription: 'done' | 'unavailable';
}

/** A stored message of a thread. */
export interface HistoryMessage {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  citations: Citation[];
  /** What the person sent with the message (absent when none). */
  attachments?: Attachment[];
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

/**
 * `GET /api/v1/chat/conversations?limit=N`: the caller's own threads, the most recently active
 * first. A signed-in worker's id is the same on every device, so this is how the widget finds
 * their conversation on a new one.
 */
export interface ConversationList {
  conversations: Array<{
    conversation_id: string;
    status: ConversationHistory['status'];
    updated_at: string;
  }>;
}

/** `POST /api/v1/auth/session`: a visitor session token. */
export interface SessionBody {
  token: string;
  expires_at: string;
}

/** `POST /api/v1/chat/feedback`: thumbs on one answer, or a 1-5 rating of the conversation. */
export interface FeedbackRequest {
  conversation_id: string;
  /** The assistant message the thumbs are for (required with `thumbs`). */
  message_id?: string;
  thumbs?: 'up' | 'down';
  rating?: 1 | 2 | 3 | 4 | 5;
  /** At most 1000 characters; personal data is redacted before it is stored. */
  comment?: string;
}

/** 201 from `POST /api/v1/chat/feedback`; the same message or conversation again replaces it. */
export interface FeedbackBody {
  feedback_id: string;
}

/** `GET /api/v1/widget/config?tenant=<id>`: the tenant's theme (options on the tag win). */
export interface WidgetConfigBody {
  tenant: string;
  title: string;
  greeting: string;
  /** `#rrggbb`. */
  accent: string;
  logo_url: string | null;
  position: 'bottom-right' | 'bottom-left';
  suggestions: string[];
}

/** `POST /api/v1/documents/:id/link`: a fresh signed link when the one in history expired. */
export interface DocumentLinkBody {
  url: string;
  expires_at: string;
}
