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
 * so the unfinished tail is kept until the next push.
 *
 * @example const parser = createSseParser(); for (const e of parser.push(text)) …
 */
export function createSseParser() {
  let buffer = '';
  let event = '';
  let data: string[] = [];

  function takeLine(line: string, out: RawSseEvent[]): void {
    if (line === '') {
      if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (line.startsWith(':')) return; // comment, used by servers as a keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }

  return {
    push(text: string): RawSseEvent[] {
      buffer += text;
      const out: RawSseEvent[] = [];
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer);
        if (!match) break;
        // A lone "\r" at the very end may be the first half of "\r\n": wait for more.
        if (match[0] === '\r' && match.index === buffer.length - 1) break;
        takeLine(buffer.slice(0, match.index), out);
        buffer = buffer.slice(match.index + match[0].length);
      }
      return out;
    },
    /** Call at end of stream: dispatches an event that lacked its final blank line. */
    end(): RawSseEvent[] {
      const out: RawSseEvent[] = [];
      if (buffer !== '') takeLine(buffer, out);
      buffer = '';
      takeLine('', out);
      return out;
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keeps only well-formed citations; a broken one is dropped rather than failing the answer. */
export function toCitations(value: unknown): Citation[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (c): c is Citation =>
        isRecord(c) &&
        typeof c.title === 'string' &&
        typeof c.page === 'number' &&
        (typeof c.document_id === 'string' || typeof c.document_id === 'number'),
    )
    .map((c) => ({
      document_id: String(c.document_id),
      title: c.title,
      page: c.page,
      snippet: typeof c.snippet === 'string' ? c.snippet : '',
      ...(typeof c.url === 'string' ? { url: c.url } : {}),
    }));
}

/** An escalation body, or null when it is absent or unreadable. */
export function toEscalation(value: unknown): Escalation | null {
  if (!isRecord(value) || typeof value.status !== 'string') return null;
  return {
    status: value.status,
    ...(typeof value.reason === 'string' ? { reason: value.reason as EscalationReason } : {}),
    ...(typeof value.ticket_id === 'string' ? { ticket_id: value.ticket_id } : {}),
  };
}

const OUTCOMES: readonly TurnOutcome[] = [
  'answered',
  'closest_passage',
  'handed_over',
  'declined',
  'small_talk',
  'sign_in_required',
];

/** A known outcome, or null (an older server sends none; a newer one may send others). */
export function toOutcome(value: unknown): TurnOutcome | null {
  return OUTCOMES.includes(value as TurnOutcome) ? (value as TurnOutcome) : null;
}

const num = (value: unknown) => (typeof value === 'number' ? value : 0);

/** The `done` event from its body's fields (missing or malformed ones read as 0 / null). */
export const toDone = (body: Record<string, unknown>): ChatEvent => ({
  type: 'done',
  confidence: num(body.confidence),
  response_time_ms: num(body.response_time_ms),
  outcome: toOutcome(body.outcome),
});

function badStream(detail: string): ChatEvent {
  return { type: 'error', code: 'bad_response', message: `The server sent a malformed ${detail}.` };
}

/**
 * Turns a raw event into a typed one. Unknown event names give `null` (newer servers may send
 * more); a known event with a body we cannot read becomes an `error` event.
 */
export function toChatEvent(raw: RawSseEvent): ChatEvent | null {
  if (!(CHAT_EVENT_NAMES as readonly string[]).includes(raw.event)) return null;
  let body: unknown;
  try {
    body = JSON.parse(raw.data);
  } catch {
    return badStream(`"${raw.event}" event`);
  }
  const fields = isRecord(body) ? body : {};
  switch (raw.event) {
    case 'meta':
      if (typeof fields.conversation_id !== 'string') return badStream('"meta" event');
      return {
        type: 'meta',
        conversation_id: fields.conversation_id,
        message_id: String(fields.message_id ?? ''),
      };
    case 'token':
      if (typeof fields.text !== 'string') return badStream('"token" event');
      return { type: 'token', text: fields.text };
    case 'citations':
      // The contract sends a bare array; accept { citations: [...] } as well.
      return { type: 'citations', citations: toCitations(isRecord(body) ? body.citations : body) };
    case 'escalation': {
      const escalation = toEscalation(body);
      return escalation ? { type: 'escalation', escalation } : badStream('"escalation" event');
    }
    case 'done':
      return toDone(fields);
    default: {
      const error = isRecord(fields.error) ? fields.error : body;
      return {
        type: 'error',
        code: isRecord(error) && typeof error.code === 'string' ? error.code : 'internal',
        message:
          isRecord(error) && typeof error.message === 'string'
            ? error.message
            : 'Something went wrong.',
      };
    }
  }
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
      const raws = done
        ? [...parser.push(decoder.decode()), ...parser.end()]
        : parser.push(decoder.decode(value, { stream: true }));
      for (const raw of raws) {
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
