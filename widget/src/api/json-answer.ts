import { toCitations, toDone, toEscalation } from './sse';
import type { ChatEvent } from './types';

/**
 * The `Accept: application/json` answer of contract v1, replayed as the events a stream would
 * have carried, for servers or proxies that do not stream.
 */
export function jsonAnswerToEvents(body: Record<string, unknown>): ChatEvent[] {
  const events: ChatEvent[] = [
    {
      type: 'meta',
      conversation_id: String(body.conversation_id ?? ''),
      message_id: String(body.message_id ?? ''),
    },
    { type: 'token', text: typeof body.answer === 'string' ? body.answer : '' },
    { type: 'citations', citations: toCitations(body.citations) },
  ];
  const escalation = toEscalation(body.escalation);
  if (escalation) events.push({ type: 'escalation', escalation });
  events.push(toDone(body));
  return events;
}
