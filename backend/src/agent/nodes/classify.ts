/**
 * classify: what the message is (§3.2.2 intents), its topic (which sets the confidence
 * threshold) and whether it needs a person whatever the knowledge says. Connected mode asks the
 * model (structured output), which also rewrites a follow-up into a standalone question; the
 * rule-based reading still counts: an explicit request for a person, or a sensitive topic the
 * rules see, is never overruled by the model.
 */
import { z } from 'zod';
import type { SearchQuery } from '../../knowledge/types';
import { type AgentDeps, callModel } from '../graph-deps';
import { fallbackReasonOf, structuredCall } from '../models';
import { classifyOffline, thresholdFor } from '../offline/offline-answerer';
import { classifyMessages } from '../prompts';
import {
  type AgentStateUpdate,
  type AgentStateValue,
  type NodeRuntime,
  type RunSettings,
  settingsOf,
  type TurnClassification,
} from '../state';
import { draftPlan } from './generate';
import { searchTextOf } from './retrieve';

/** The classification the model returns. */
export const ClassificationSchema = z.object({
  intent: z.enum([
    'question',
    'account_issue',
    'complex',
    'human_requested',
    'small_talk',
    'out_of_scope',
  ]),
  topic: z.enum([
    'pay_timing',
    'payouts',
    'tax',
    'pay_card',
    'direct_deposit',
    'security',
    'account',
    'general',
  ]),
  sensitive: z.boolean(),
  standalone_question: z.string(),
});

/** What classify reads: the run's input only, so it can start before the graph (head-starts.ts). */
export type ClassifyInput = Pick<
  AgentStateValue,
  'tenantId' | 'turnId' | 'message' | 'history' | 'mode' | 'classification'
>;

/**
 * Drafts the answer to a first question from the prefetched passages, unless the tenant's
 * answer cache already holds it. Runs beside the classification call; generate takes it or
 * the record node cancels it.
 */
function startDraft(
  deps: AgentDeps,
  state: ClassifyInput,
  query: SearchQuery,
  runSignal: AbortSignal | undefined,
): void {
  deps.drafts?.start(state.turnId, async () => {
    const hits = await (deps.knowledge.peek?.(query) ?? deps.knowledge.search(query));
    const cached =
      deps.cache &&
      (await deps.cache.get(state.tenantId, state.message, await deps.fingerprint(state.tenantId)));
    return cached ? null : draftPlan(deps, state, hits);
  });
  runSignal?.addEventListener('abort', () => deps.drafts?.cancel(state.turnId), { once: true });
}

/**
 * The classification of a turn, as the classify node makes it; create-agent.ts also calls it
 * as the turn starts, before the graph runs.
 */
export function createClassifier(deps: AgentDeps) {
  const structured = deps.model
    ? structuredCall(deps.model, ClassificationSchema, 'classification')
    : null;
  return async function classifyTurn(
    state: ClassifyInput,
    settings: RunSettings,
    signal: AbortSignal | undefined,
  ): Promise<AgentStateUpdate> {
    const rules = classifyOffline(state.message, state.history);
    const decide = (classification: TurnClassification): AgentStateUpdate => ({
      classification,
      threshold: thresholdFor(
        classification.topic,
        settings.confidenceThreshold,
        settings.topicThresholds,
      ),
    });
    const offline = { ...rules, standaloneQuestion: null };
    // An explicit request for a person needs no model to read it: save the call.
    if (state.mode === 'offline' || !structured || rules.intent === 'human_requested')
      return decide(offline);
    // The model's reading is asked for first: it is the turn's longest wait, and nothing else
    // here has to be ready before it leaves.
    const asked = callModel(
      deps,
      state.tenantId,
      signal,
      (callSignal) =>
        structured.invoke(classifyMessages(state.message, state.history), { signal: callSignal }),
      (r) => r.raw,
    );
    asked.catch(() => {}); // read below; a failed prefetch must not leave it unobserved
    // Start retrieve's search now, so it runs while the model classifies (search-prefetch.ts),
    // when the rules expect a plain first question: not for what goes straight to a person.
    // Its answer is drafted from those passages too (answer-drafts.ts), in case the model agrees.
    const plainQuestion = rules.intent === 'question' && !rules.sensitive;
    if (deps.knowledge.prefetch && plainQuestion && !state.history.some((m) => m.role === 'user')) {
      const stats = await deps.knowledge.corpusStats(state.tenantId);
      const query = {
        tenantId: state.tenantId,
        text: searchTextOf(state, stats),
        limit: settings.searchLimit,
      };
      deps.knowledge.prefetch(query);
      if (deps.drafts && state.turnId) startDraft(deps, state, query, signal);
    }

    try {
      const { result, usage } = await asked;
      const model = result.parsed;
      if (model.intent !== 'question' || model.sensitive || rules.sensitive)
        deps.drafts?.cancel(state.turnId);
      const standalone = model.standalone_question.trim();
      return {
        ...decide({
          intent: model.intent,
          topic: model.topic,
          sensitive: model.sensitive || rules.sensitive,
          standaloneQuestion: standalone === '' ? null : standalone,
        }),
        usage,
      };
    } catch (error) {
      deps.drafts?.cancel(state.turnId);
      deps.logger.warn({ err_name: (error as Error).name, node: 'classify' }, 'model call failed');
      return { ...decide(offline), mode: 'offline', fallback: fallbackReasonOf(error) };
    }
  };
}

/** Builds the classify node: it takes the classification started with the turn, if any. */
export function createClassifyNode(deps: AgentDeps, classifyTurn = createClassifier(deps)) {
  return function classify(state: AgentStateValue, runtime?: NodeRuntime) {
    return (
      deps.headStarts?.classification.take(state.turnId) ??
      classifyTurn(state, settingsOf(runtime), runtime?.signal)
    );
  };
}
