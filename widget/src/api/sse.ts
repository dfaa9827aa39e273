import { unreadableMessage } from './failure';
import {
  CHAT_EVENT_NAMES,
  type ChatEvent,
  type Citation,
  type Escalation,
  type EscalationReason,
  type TurnOutcome,
} from './types';

/** One raw server-sent event: the `event:` name and its `data:` lines joined by "\n". */
export interface RawSseEvent {
  event: string;
  data: string;
}

/**
 * Splits decoded text into server-sent events. Chunks may end anywhere (mid-line, mid-"\r\n"),
 * so the unfinished last line waits for the next push; so does a "\r" that ends a chunk, which
 * may be the first half of "\r\n".
 *
 * @example const parser = createSseParser(); for (const e of parser.push(text)) …
 */
export function createSseParser() {
  let rest = '';
  let event = '';
  let data: string[] = [];

  function push(text: string): RawSseEvent[] {
    const out: RawSseEvent[] = [];
    const lines = (rest + text).split(/\r\n|\r(?!$)|\n/);
    rest = lines.pop() ?? '';
    for (const line of lines) {
      // `field: value` (one space after the colon is not part of the value), or a bare field.
      // A line starting with ":" is a comment, which servers send as a keep-alive.
      const [, field, value = ''] = /^([^:]*):? ?(.*)/.exec(line) ?? [];
      if (line === '') {
        if (data.length) out.push({ event: event || 'message', data: data.join('\n') });
        event = '';
        data = [];
      } else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    return out;
  }

  return {
    push,
    /** Call at end of stream: dispatches an event that lacked its final blank line. */
    end: () => push('\n\n'),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keeps only well-formed citations; a broken one is dropped rather than failing the answer. */
export function toCitations(value: unknown): Citation[] {
  return (Array.isArray(value) ? value : []).flatMap((c): Citation[] =>
    isRecord(c) &&
    typeof c.title === 'string' &&
    typeof c.page === 'number' &&
    (typeof c.document_id === 'string' || typeof c.document_id === 'number')
      ? [
          {
            document_id: String(c.document_id),
            title: c.title,
            page: c.page,
            snippet: typeof c.snippet === 'string' ? c.snippet : '',
            ...(typeof c.url === 'string' ? { url: c.url } : {}),
          },
        ]
      : [],
  );
}

/** An escalation body, or null when it is absent or unreadable. */
export function toEscalation(value: unknown): Escalation | null {
  if (!isRecord(value) || typeof value.status !== 'string') return null;
  const { status, reason, ticket_id } = value;
  return {
    status,
    ...(typeof reason === 'string' ? { reason: reason as EscalationReason } : {}),
    ...(typeof ticket_id === 'string' ? { ticket_id } : {}),
  };
}

const outcomes: readonly TurnOutcome[] = [
  'answered',
  'closest_passage',
  'handed_over',
  'declined',
  'small_talk',
  'sign_in_required',
];

/** A known outcome, or null (an older server sends none; a newer one may send others). */
export function toOutcome(value: unknown): TurnOutcome | null {
  return outcomes.includes(value as TurnOutcome) ? (value as TurnOutcome) : null;
}

const num = (value: unknown) => (typeof value === 'number' ? value : 0);

/**
 * A known event's body as its typed event, or undefined when a required field is missing.
 * Optional ones read as empty, 0 or null when missing or malformed.
 */
export function eventFromBody(name: ChatEvent['type'], body: unknown): ChatEvent | undefined {
  const fields = isRecord(body) ? body : {};
  switch (name) {
    case 'meta':
      return typeof fields.conversation_id === 'string'
        ? {
            type: 'meta',
            conversation_id: fields.conversation_id,
            message_id: String(fields.message_id ?? ''),
          }
        : undefined;
    case 'token':
      return typeof fields.text === 'string' ? { type: 'token', text: fields.text } : undefined;
    case 'citations':
      // The contract sends a bare array; accept { citations: [...] } as well.
      return { type: 'citations', citations: toCitations(fields.citations ?? body) };
    case 'escalation': {
      const escalation = toEscalation(body);
      return escalation ? { type: 'escalation', escalation } : undefined;
    }
    case 'done':
      return {
        type: 'done',
        confidence: num(fields.confidence),
        response_time_ms: num(fields.response_time_ms),
        outcome: toOutcome(fields.outcome),
      };
    case 'error': {
      // Flat `{ code, message }`, or wrapped like an HTTP error body.
      const error = isRecord(fields.error) ? fields.error : fields;
      return {
        type: 'error',
        code: typeof error.code === 'string' ? error.code : 'internal',
        message: typeof error.message === 'string' ? error.message : 'Something went wrong.',
      };
    }
  }
}

/**
 * Turns a raw event into a typed one. Unknown event names give `null` (newer servers may send
 * more); a known event with a body we cannot read becomes an `error` event.
 */
export function toChatEvent(raw: RawSseEvent): ChatEvent | null {
  const name = raw.event as ChatEvent['type'];
  if (!CHAT_EVENT_NAMES.includes(name)) return null;
  let event: ChatEvent | undefined;
  try {
    event = eventFromBody(name, JSON.parse(raw.data));
  } catch {
    // Not JSON: as malformed as a missing field.
  }
  return event ?? { type: 'error', code: 'bad_response', message: unreadableMessage };
}

/**
 * Reads a fetch body as typed chat events, in order, as they arrive.
 *
 * @example for await (const event of readChatEvents(response.body)) render(event)
 */
export async function* readChatEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ChatEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const text = decoder.decode(value, { stream: !done });
      for (const raw of done ? [...parser.push(text), ...parser.end()] : parser.push(text)) {
        const event = toChatEvent(raw);
        if (event) yield event;
      }
      if (done) return;
    }
  } finally {
    // Stops the download if the consumer leaves early (unmount mid-answer).
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
