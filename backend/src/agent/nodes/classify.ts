/**
 * classify: what the message is (§3.2.2 intents), its topic (which sets the confidence
 * threshold) and whether it needs a person whatever the knowledge says. Connected mode asks the
 * model (structured output), which also rewrites a follow-up into a standalone question; the
 * rule-based reading still counts: an explicit request for a person, or a sensitive topic the
 * rules see, is never overruled by the model.
 */
import { z } from 'zod';
import { type AgentDeps, callModel } from '../graph-deps';
import { fallbackReasonOf, structuredCall } from '../models';
import { classifyOffline, thresholdFor } from '../offline/offline-answerer';
import { classifyMessages } from '../prompts';
import {
  type AgentStateUpdate,
  type AgentStateValue,
  type NodeRuntime,
  settingsOf,
  type TurnClassification,
} from '../state';
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

/** Builds the classify node. */
export function createClassifyNode(deps: AgentDeps) {
  const structured = deps.model
    ? structuredCall(deps.model, ClassificationSchema, 'classification')
    : null;
  return async function classify(
    state: AgentStateValue,
    runtime?: NodeRuntime,
  ): Promise<AgentStateUpdate> {
    const settings = settingsOf(runtime);
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
    // Start retrieve's search now, so it runs while the model classifies (search-prefetch.ts),
    // when the rules expect a plain first question: not for what goes straight to a person.
    const plainQuestion = rules.intent === 'question' && !rules.sensitive;
    if (deps.knowledge.prefetch && plainQuestion && !state.history.some((m) => m.role === 'user')) {
      const stats = await deps.knowledge.corpusStats(state.tenantId);
      deps.knowledge.prefetch({
        tenantId: state.tenantId,
        text: searchTextOf(state, stats),
        limit: settings.searchLimit,
      });
    }

    try {
      const { result, usage } = await callModel(
        deps,
        state.tenantId,
        runtime?.signal,
        (signal) => structured.invoke(classifyMessages(state.message, state.history), { signal }),
        (r) => r.raw,
      );
      const model = result.parsed;
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
      deps.logger.warn({ err_name: (error as Error).name, node: 'classify' }, 'model call failed');
      return { ...decide(offline), mode: 'offline', fallback: fallbackReasonOf(error) };
    }
  };
}
