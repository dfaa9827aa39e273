/**
 * answer: the turn ends with an answer (confident, or the closest passage). Says whatever was
 * not streamed yet (a cached answer), sends the citations, and caches a confident model answer
 * to a general question so the next asker costs nothing.
 */
import { emitReply } from '../events';
import type { AgentDeps } from '../graph-deps';
import type { AgentStateUpdate, AgentStateValue, NodeRuntime } from '../state';
import { traceOf } from './record';
import { cacheKeyOf } from './retrieve';

/** Builds the answer node. */
export function createAnswerNode(deps: AgentDeps) {
  return async function answer(
    state: AgentStateValue,
    runtime?: NodeRuntime,
  ): Promise<AgentStateUpdate> {
    const reply = state.reply;
    if (!reply) return {};
    emitReply(runtime?.writer, reply);

    const key = cacheKeyOf(state);
    // Only model answers the judge passed, and never one built from account data.
    const cacheable =
      deps.cache &&
      key &&
      !state.cached &&
      reply.source === 'model' &&
      state.grounding !== null &&
      reply.outcome === 'answered' &&
      state.toolResults.length === 0;
    if (cacheable) {
      const {
        usage: _u,
        fallback: _f,
        cached: _c,
        outcome: _o,
        ...how
      } = traceOf(state, deps.modelName);
      try {
        await deps.cache?.put(state.tenantId, key, await deps.fingerprint(state.tenantId), {
          text: reply.text,
          citations: reply.citations,
          confidence: reply.confidence,
          trace: { ...how, outcome: 'answered' },
        });
      } catch (error) {
        // A cache that cannot store costs money, not correctness: the turn goes on.
        deps.logger.warn({ err_name: (error as Error).name }, 'answer cache put failed');
      }
    }
    return { reply: { ...reply, streamed: true } };
  };
}
