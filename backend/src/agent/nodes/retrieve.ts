/**
 * retrieve: searches the knowledge base for the question. Connected mode searches the model's
 * standalone rewrite of a follow-up; offline mode joins a short follow-up with the previous
 * question. A general question (not about the caller's own account) is first looked up in the
 * tenant's answer cache: a hit skips the search and the model entirely.
 */
import type { CorpusStats } from '../../knowledge/types';
import type { AgentDeps } from '../graph-deps';
import { offlineSearchText } from '../offline/offline-answerer';
import {
  type AgentStateUpdate,
  type AgentStateValue,
  type NodeRuntime,
  settingsOf,
} from '../state';

/**
 * The question as the cache knows it, or null when it must not be cached: only `question`
 * intents, and a follow-up only once rewritten to stand alone (its meaning depends on the
 * thread otherwise).
 */
export function cacheKeyOf(state: AgentStateValue): string | null {
  const c = state.classification;
  if (c?.intent !== 'question' || c.sensitive) return null;
  if (c.standaloneQuestion) return c.standaloneQuestion;
  return state.history.some((m) => m.role === 'user') ? null : state.message;
}

/**
 * What to search for: a follow-up in connected mode as the model rewrote it to stand alone;
 * anything else as offline mode reads it (typos corrected against the corpus). A first question
 * is searched as typed even when connected, which is what lets classify prefetch it.
 */
export function searchTextOf(
  state: Pick<AgentStateValue, 'history' | 'classification' | 'mode' | 'message'>,
  stats: CorpusStats,
): string {
  const followUp = state.history.some((m) => m.role === 'user');
  const standalone = state.classification?.standaloneQuestion;
  if (state.mode === 'connected' && followUp && standalone) return standalone;
  return offlineSearchText(state.message, state.history, stats);
}

/** Builds the retrieve node. */
export function createRetrieveNode(deps: AgentDeps) {
  return async function retrieve(
    state: AgentStateValue,
    runtime?: NodeRuntime,
  ): Promise<AgentStateUpdate> {
    const key = cacheKeyOf(state);
    if (deps.cache && key) {
      const cached = await deps.cache.get(
        state.tenantId,
        key,
        await deps.fingerprint(state.tenantId),
      );
      if (cached) {
        return {
          cached: true,
          cachedTrace: cached.trace,
          grounding: cached.trace.grounding,
          searchText: key,
          reply: {
            text: cached.text,
            streamed: false,
            source: 'model',
            outcome: 'answered',
            escalation: null,
            citations: cached.citations,
            used: [],
            confidence: cached.confidence,
          },
        };
      }
    }
    const stats = await deps.knowledge.corpusStats(state.tenantId);
    const searchText = searchTextOf(state, stats);
    const hits = await deps.knowledge.search({
      tenantId: state.tenantId,
      text: searchText,
      limit: settingsOf(runtime).searchLimit,
    });
    return { searchText, hits };
  };
}
