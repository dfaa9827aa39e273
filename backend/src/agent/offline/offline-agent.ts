/**
 * The offline agent: a real product mode (ARCHITECTURE.md), used when no model provider is
 * configured, when the AI budget is spent, or when the provider is down. It answers only
 * from the knowledge base, quoting it, and says so honestly when the evidence is thin.
 */

import { contentTerms, rarityWeight } from '../../knowledge/search/content-terms';
import type { KnowledgeSearch, SearchHit } from '../../knowledge/types';
import type {
  AgentEvent,
  AgentTurnInput,
  AnswerTrace,
  ChatAgent,
  Citation,
  Intent,
  TurnOutcome,
} from '../types';
import { composeAnswer } from './compose-answer';
import { confidenceFrom, measureEvidence } from './confidence';
import { classifyIntent } from './intent';

export interface OfflineAgentOptions {
  knowledge: KnowledgeSearch;
  /** Below this confidence the agent hands the question to a person. */
  confidenceThreshold: number;
  /** Passages searched per question (default 6). */
  searchLimit?: number;
}

/** The reply that hands over to a person; the widget and e2e test look for its wording. */
export const HANDOVER_TEXT =
  "I'm not confident I can answer that correctly from our help centre, so I've passed your question to our support team. A person will follow up with you here.";

const GREETING_TEXT =
  'Hi! I can help with tip payouts, Instant Pay, your pay card, direct deposit, taxes and account security. What would you like to know?';
const THANKS_TEXT = "You're welcome! Is there anything else I can help with?";
const HUMAN_TEXT =
  "Of course. I've asked our support team to pick up this conversation. A person will follow up with you here.";

const SNIPPET_CHARS = 180;

/** Bumped whenever the offline answer logic changes, so audit records say which one answered. */
export const OFFLINE_PROMPT_VERSION = 'offline-1';

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

function toCitation(hit: SearchHit, answer: string): Citation {
  const quoted = hit.text.replace(/\s+/g, ' ').trim();
  const start = Math.max(0, quoted.indexOf(answer.slice(0, 40)));
  const snippet = quoted.slice(start, start + SNIPPET_CHARS);
  return {
    document_id: hit.documentId,
    title: hit.title,
    page: hit.page,
    snippet: snippet.length < quoted.length - start ? `${snippet.trimEnd()}…` : snippet,
  };
}

/** A short follow-up ("and the fee?") is searched together with the previous question. */
function searchText(input: AgentTurnInput): string {
  const previous = [...input.history].reverse().find((m) => m.role === 'user');
  if (previous && contentTerms(input.message).length < 3)
    return `${previous.text} ${input.message}`;
  return input.message;
}

export function createOfflineAgent(options: OfflineAgentOptions): ChatAgent {
  const limit = options.searchLimit ?? 6;
  const threshold = options.confidenceThreshold;
  return {
    async *respond(input) {
      const intent = classifyIntent(input.message);
      if (intent === 'greeting' || intent === 'thanks') {
        yield* streamText(intent === 'greeting' ? GREETING_TEXT : THANKS_TEXT);
        yield {
          type: 'done',
          confidence: 1,
          trace: offlineTrace('small_talk', 'small_talk', threshold),
        };
        return;
      }
      if (intent === 'human') {
        yield* streamText(HUMAN_TEXT);
        yield { type: 'escalate', reason: 'user_requested' };
        yield {
          type: 'done',
          confidence: 1,
          trace: offlineTrace('human_requested', 'handed_over', threshold),
        };
        return;
      }

      const stats = await options.knowledge.corpusStats(input.tenantId);
      // Misspelt words are searched and weighed as the word they most likely mean.
      const spellcheck = (terms: string[]) => terms.map((t) => stats.correction(t) ?? t);
      const corrections = contentTerms(input.message).flatMap((t) => stats.correction(t) ?? []);
      const query = [searchText(input), ...corrections].join(' ');
      const hits = await options.knowledge.search({ tenantId: input.tenantId, text: query, limit });
      const weight = rarityWeight(stats);
      const own = spellcheck(contentTerms(input.message));
      const confidence = confidenceFrom(
        measureEvidence(own.length > 0 ? own : spellcheck(contentTerms(query)), hits, weight),
      );
      if (hits.length === 0 || confidence < options.confidenceThreshold) {
        yield* streamText(HANDOVER_TEXT);
        yield { type: 'escalate', reason: hits.length === 0 ? 'no_knowledge' : 'low_confidence' };
        yield {
          type: 'done',
          confidence,
          trace: offlineTrace('question', 'handed_over', threshold, hits.slice(0, 3)),
        };
        return;
      }

      const answer = composeAnswer(spellcheck(contentTerms(query)), hits, weight);
      yield* streamText(answer.text);
      yield {
        type: 'citations',
        citations: answer.used.map((hit) => toCitation(hit, answer.text)),
      };
      yield {
        type: 'done',
        confidence,
        trace: offlineTrace('question', 'answered', threshold, answer.used),
      };
    },
  };
}
