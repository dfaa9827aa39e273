import { eventFromBody } from './sse';
import type { ChatEvent } from './types';

/**
 * The `Accept: application/json` answer of contract v1, replayed as the events a stream would
 * have carried, for servers or proxies that do not stream. A part it lacks is left out.
 */
export function jsonAnswerToEvents(body: Record<string, unknown>): ChatEvent[] {
  return [
    eventFromBody('meta', body),
    eventFromBody('token', { text: body.answer }),
    eventFromBody('citations', body.citations),
    eventFromBody('escalation', body.escalation),
    eventFromBody('done', body),
  ].filter((event) => event !== undefined);
}
