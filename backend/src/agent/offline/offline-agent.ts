/**
 * The offline agent: a real product mode (ARCHITECTURE.md), used when no model provider is
 * configured, when the AI budget is spent, or when the provider is down. A thin ChatAgent
 * over the pure functions of offline-answerer.ts: it answers only from the knowledge base,
 * quoting it, and says so honestly when the evidence is thin.
 */
import type { KnowledgeSearch, SearchHit } from '../../knowledge/types';
import { OFFLINE_PROMPT_VERSION } from '../prompts';
import type { AgentEvent, AnswerTrace, ChatAgent, Intent, TurnOutcome } from '../types';
import {
  answerOffline,
  classifyOffline,
  offlineSearchText,
  thresholdFor,
} from './offline-answerer';
import {
  DECLINE_TEXT,
  GREETING_TEXT,
  HANDOVER_TEXT,
  HUMAN_TEXT,
  SIGN_IN_TEXT,
  THANKS_TEXT,
} from './replies';

/** Re-exported for the HTTP tests that look for the handover wording. */
export { HANDOVER_TEXT };

export interface OfflineAgentOptions {
  knowledge: KnowledgeSearch;
  /** Below this confidence the agent does not answer outright. */
  confidenceThreshold: number;
  /** Stricter thresholds per topic (config `topicThresholds`); the stricter one applies. */
  topicThresholds?: Record<string, number>;
  /** Passages searched per question (default 6). */
  searchLimit?: number;
}

/** The audit trace of an offline turn. */
export function offlineTrace(
  intent: Intent,
  outcome: TurnOutcome,
  threshold: number,
  hits: readonly SearchHit[] = [],
): AnswerTrace {
  return {
    mode: 'offline',
    intent,
    outcome,
    model: null,
    promptVersion: OFFLINE_PROMPT_VERSION,
    retrieved: hits.map((h) => ({
      document_id: h.documentId,
      version: h.documentVersion,
      page: h.page,
    })),
    grounding: null,
    threshold,
    usage: [],
    fallback: null,
    cached: false,
  };
}

function* streamText(text: string): Generator<AgentEvent> {
  // Word-sized pieces keep the widget's typing effect honest without holding anything back.
  for (const piece of text.match(/\S+\s*/g) ?? []) yield { type: 'token', text: piece };
}

/** @example const agent = createOfflineAgent({ knowledge, confidenceThreshold: 0.4 }) */
export function createOfflineAgent(options: OfflineAgentOptions): ChatAgent {
  const limit = options.searchLimit ?? 6;
  return {
    async *respond(input) {
      const { intent, topic, sensitive } = classifyOffline(input.message, input.history);
      const threshold = thresholdFor(
        topic,
        options.confidenceThreshold,
        options.topicThresholds ?? {},
      );
      const reply = function* (text: string, outcome: TurnOutcome): Generator<AgentEvent> {
        yield* streamText(text);
        if (outcome === 'handed_over') yield { type: 'escalate', reason: 'user_requested' };
        yield { type: 'done', confidence: 1, trace: offlineTrace(intent, outcome, threshold) };
      };
      if (intent === 'small_talk') {
        const greeting = /^\W*(?:hi|hello|hey|hiya|good|yo)\b/i.test(input.message);
        return yield* reply(greeting ? GREETING_TEXT : THANKS_TEXT, 'small_talk');
      }
      if (intent === 'out_of_scope') return yield* reply(DECLINE_TEXT, 'declined');
      if (intent === 'human_requested') return yield* reply(HUMAN_TEXT, 'handed_over');
      if (intent === 'account_issue' && !sensitive && input.principal.role !== 'customer')
        return yield* reply(SIGN_IN_TEXT, 'sign_in_required');

      const stats = await options.knowledge.corpusStats(input.tenantId);
      const searchText = offlineSearchText(input.message, input.history, stats);
      const hits = await options.knowledge.search({
        tenantId: input.tenantId,
        text: searchText,
        limit,
      });
      const answer = answerOffline({
        message: input.message,
        searchText,
        hits,
        stats,
        threshold,
        sensitive,
      });
      yield* streamText(answer.text);
      if (answer.citations.length > 0) yield { type: 'citations', citations: answer.citations };
      if (answer.escalation) yield { type: 'escalate', reason: answer.escalation };
      yield {
        type: 'done',
        confidence: answer.confidence,
        trace: offlineTrace(intent, answer.outcome, threshold, answer.used),
      };
    },
  };
}
