/**
 * Offline mode's answerer: pure functions (no I/O) that classify a message, choose what to
 * search for, and answer from the passages found, quoting the help centre's own words.
 * The graph's nodes call these in offline mode and when a model call fails.
 */
import { expandSlang, slangAdditions } from '../../knowledge/text/slang';
import { contentTerms, rarityWeight } from '../../knowledge/text/terms';
import type { CorpusStats, SearchHit } from '../../knowledge/types';
import type { Citation, EscalationReason, Intent } from '../types';
import { toCitation } from './citations';
import { classify } from './classify';
import { composeAnswer } from './compose-answer';
import { confidenceFrom, measureEvidence } from './confidence';
import { preciseFact, questionType } from './question-type';
import { CLOSEST_PREFIX, CLOSEST_SUFFIX, HANDOVER_TEXT, SENSITIVE_TEXT } from './replies';

/** What a question is about; pay timing, payouts and tax get stricter thresholds. */
export type Topic =
  | 'pay_timing'
  | 'payouts'
  | 'tax'
  | 'pay_card'
  | 'direct_deposit'
  | 'security'
  | 'account'
  | 'general';

/** The rule-based reading of a message. */
export interface Classification {
  intent: Intent;
  topic: Topic;
  /** Needs a person whatever the knowledge says: account problem, dispute, fraud, legal threat. */
  sensitive: boolean;
}

/** Earlier turns of the thread, oldest first. */
export type History = Array<{ role: 'user' | 'assistant'; text: string }>;

/** The offline answer to one question. */
export interface OfflineAnswer {
  outcome: 'answered' | 'closest_passage' | 'handed_over';
  escalation: EscalationReason | null;
  /** The full reply to stream (handover wording included). */
  text: string;
  citations: Citation[];
  /** The passages quoted, best first. */
  used: SearchHit[];
  /** 0..1, evidence only. */
  confidence: number;
}

/**
 * Below this evidence nothing found is relevant: hand over rather than quote. Set on the demo
 * out-of-scope list and the unfamiliar set's tune split.
 */
export const RELEVANCE_FLOOR = 0.2;

/** Rule-based classification for offline mode (see classify.ts). */
export function classifyOffline(message: string, history: History): Classification {
  return classify(message, history);
}

/** Follow-ups lean on the question before: "and the fee?", "what about on weekends". */
const FOLLOW_UP =
  /^(?:and|what about|how about|what if|also|but|so|same for|is that|does that|and if)\b/i;

/** The text to search for (a short follow-up joined with the previous question, typos corrected). */
export function offlineSearchText(message: string, history: History, stats: CorpusStats): string {
  const previous = [...history].reverse().find((m) => m.role === 'user');
  const expanded = expandSlang(message);
  const terms = contentTerms(expanded);
  const followUp = previous && (terms.length < 3 || FOLLOW_UP.test(message.trim()));
  const base = followUp ? `${expandSlang(previous.text)} ${expanded}` : expanded;
  // Only the person's own words can be misspelt: the thesaurus's added terms are ours, and
  // "correcting" one the articles happen not to use ("multiple" -> "multiply") adds noise.
  const added = new Set(slangAdditions(message).flatMap(contentTerms));
  const corrections = terms.flatMap((t) => (added.has(t) ? [] : (stats.correction(t) ?? [])));
  return [base, ...corrections].join(' ');
}

const spellcheck = (terms: string[], stats: CorpusStats) =>
  terms.map((t) => stats.correction(t) ?? t);

/** Evidence-only confidence, also used by connected mode to combine with the model's grounding judgment. */
export function evidenceConfidence(message: string, hits: SearchHit[], stats: CorpusStats): number {
  const terms = spellcheck(contentTerms(expandSlang(message)), stats);
  return confidenceFrom(measureEvidence(terms, hits, rarityWeight(stats)));
}

/**
 * Term weights for choosing the sentence to quote: rarity, with the payroll words slang
 * expansion added ("let go" -> "final paycheck") at a third. They find the article; inside it,
 * the words the person typed decide which sentence answers them (otherwise "got let go, can
 * the state pay me" quotes the sentence about final paychecks).
 */
function typedFirst(message: string, stats: CorpusStats): (term: string) => number {
  const rarity = rarityWeight(stats);
  const typed = new Set(spellcheck(contentTerms(message), stats));
  const onlyAdded = new Set(
    slangAdditions(message)
      .flatMap(contentTerms)
      .filter((term) => !typed.has(term)),
  );
  return (term) => rarity(term) * (onlyAdded.has(term) ? 1 / 3 : 1);
}

function handOver(escalation: EscalationReason, confidence: number): OfflineAnswer {
  return {
    outcome: 'handed_over',
    escalation,
    text: HANDOVER_TEXT,
    citations: [],
    used: [],
    confidence,
  };
}

/**
 * Answers from the hits: `answered` when the evidence clears the threshold and the quote
 * carries the kind of fact asked for; `closest_passage` when something relevant was found
 * but not confidently; `handed_over` when nothing relevant was, or (`sensitive`) when the
 * topic needs a person whatever the help centre says: then the closest passage follows the
 * handover wording, for what the person can do meanwhile.
 */
export function answerOffline(args: {
  message: string;
  searchText: string;
  hits: SearchHit[];
  stats: CorpusStats;
  threshold: number;
  /** From classifyOffline: hand over whatever the evidence. */
  sensitive?: boolean;
}): OfflineAnswer {
  const { message, searchText, hits, stats, threshold } = args;
  const own = contentTerms(expandSlang(message));
  const confidence = evidenceConfidence(own.length > 0 ? message : searchText, hits, stats);
  const relevant = hits.length > 0 && confidence >= RELEVANCE_FLOOR;
  if (!relevant && !args.sensitive)
    return handOver(hits.length === 0 ? 'no_knowledge' : 'low_confidence', confidence);
  const type = questionType(message);
  const answer = composeAnswer({
    queryTerms: spellcheck(contentTerms(searchText), stats),
    hits,
    type,
    weight: typedFirst(message, stats),
    precise: preciseFact(message),
  });
  const citations = answer.used.map((hit) => toCitation(hit, answer.text));
  if (args.sensitive) {
    const text =
      relevant && answer.text
        ? `${SENSITIVE_TEXT}\n\n${CLOSEST_PREFIX}\n\n"${answer.text}"`
        : SENSITIVE_TEXT;
    return {
      outcome: 'handed_over',
      escalation: 'sensitive_topic',
      text,
      citations: relevant ? citations : [],
      used: relevant ? answer.used : [],
      confidence,
    };
  }
  if (answer.text === '') return handOver('no_knowledge', confidence);
  // A quote without the amount, date or yes/no asked for is not a confident answer.
  const confident = confidence >= threshold && answer.hasFact;
  if (confident)
    return {
      outcome: 'answered',
      escalation: null,
      text: answer.text,
      citations,
      used: answer.used,
      confidence,
    };
  return {
    outcome: 'closest_passage',
    escalation: null,
    text: `${CLOSEST_PREFIX}\n\n"${answer.context}"\n\n${CLOSEST_SUFFIX}`,
    citations,
    used: answer.used,
    confidence,
  };
}

/** The threshold for a topic: the stricter of the base and the configured per-topic one. */
export function thresholdFor(topic: Topic, base: number, perTopic: Record<string, number>): number {
  return Math.max(base, perTopic[topic] ?? base);
}
