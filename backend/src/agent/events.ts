/**
 * How nodes speak: AgentEvents written to LangGraph's `custom` stream, which createChatAgent
 * passes straight on. Outside a graph run (a node called on its own) the writer is absent and
 * nothing is sent.
 */
import type { AgentEvent, Citation } from './types';

/** The `writer` LangGraph hands a node (config.writer / runtime.writer). */
export type EventWriter = ((chunk: unknown) => void) | undefined;

/** Sends one event. `done` is the record node's alone: the last event of every run. */
export function emit(writer: EventWriter, event: AgentEvent): void {
  writer?.(event);
}

/**
 * Sends a whole text as word-sized tokens: the widget's typing effect stays honest (nothing is
 * held back) and offline replies look like streamed ones.
 */
export function emitText(writer: EventWriter, text: string): void {
  for (const piece of text.match(/\s*\S+\s*/g) ?? []) emit(writer, { type: 'token', text: piece });
}

/**
 * Finishes a reply on the stream: the text not streamed yet (a cached or canned reply) and the
 * citations of the passages it stands on. The answer and escalate nodes both end this way.
 */
export function emitReply(
  writer: EventWriter,
  reply: { text: string; streamed: boolean; citations: Citation[] },
): void {
  if (!reply.streamed) emitText(writer, reply.text);
  if (reply.citations.length > 0) emit(writer, { type: 'citations', citations: reply.citations });
}
