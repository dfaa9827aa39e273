/**
 * escalate: the turn goes to a person. Says whatever was not streamed yet, keeps the
 * citations of any passage quoted, then emits the escalation with its reason (the widget shows
 * the handover; run-turn marks the conversation).
 */
import { emit, emitReply } from '../events';
import type { AgentStateUpdate, AgentStateValue, NodeRuntime } from '../state';

/** The escalate node. */
export async function escalate(
  state: AgentStateValue,
  runtime?: NodeRuntime,
): Promise<AgentStateUpdate> {
  const reply = state.reply;
  if (!reply) return {};
  emitReply(runtime?.writer, reply);
  emit(runtime?.writer, { type: 'escalate', reason: reply.escalation ?? 'low_confidence' });
  // A closest-passage reply that also asks for a person keeps its outcome: the quote stands.
  const outcome = reply.outcome === 'closest_passage' ? reply.outcome : 'handed_over';
  return { reply: { ...reply, streamed: true, outcome } };
}
