/**
 * record: the audit trace of the turn (AnswerTrace): how the answer was made, never its text.
 * Every run ends here, so it also sends the run's one `done` event, with the confidence and
 * the trace (createChatAgent then needs nothing of the final state).
 */
import { emit } from '../events';
import type { AgentDeps } from '../graph-deps';
import { OFFLINE_PROMPT_VERSION, PROMPT_VERSION } from '../prompts';
import type { AgentStateUpdate, AgentStateValue, NodeRuntime } from '../state';
import type { AnswerTrace } from '../types';

/** The trace of a finished state. */
export function traceOf(state: AgentStateValue, modelName: string | null): AnswerTrace {
  const reply = state.reply;
  const grounded = reply && reply.used.length > 0 ? reply.used : state.hits.slice(0, 3);
  const madeByModel = reply?.source === 'model';
  const replayed = state.cachedTrace;
  return {
    mode: state.mode,
    intent: state.classification?.intent ?? 'question',
    outcome: reply?.outcome ?? 'handed_over',
    model: replayed ? replayed.model : modelName,
    promptVersion:
      replayed?.promptVersion ?? (madeByModel ? PROMPT_VERSION : OFFLINE_PROMPT_VERSION),
    retrieved:
      replayed?.retrieved ??
      grounded.map((h) => ({
        document_id: h.documentId,
        version: h.documentVersion,
        page: h.page,
      })),
    grounding: state.grounding,
    threshold: state.threshold,
    usage: state.usage,
    fallback: state.fallback,
    cached: state.cached,
  };
}

/** Builds the record node. */
export function createRecordNode(deps: AgentDeps) {
  return async function record(
    state: AgentStateValue,
    runtime?: NodeRuntime,
  ): Promise<AgentStateUpdate> {
    // A draft nobody took (the turn went elsewhere): stop writing it.
    deps.drafts?.cancel(state.turnId);
    const trace = traceOf(state, deps.modelName);
    deps.logger.debug(
      { mode: trace.mode, intent: trace.intent, outcome: trace.outcome, fallback: trace.fallback },
      'agent turn traced',
    );
    emit(runtime?.writer, { type: 'done', confidence: state.reply?.confidence ?? 0, trace });
    return { trace };
  };
}
