/**
 * What every chat agent (offline, LangGraph connected, and the fallback that joins them) takes
 * and yields. run-turn.ts turns these events into the v1 wire events and persists the turn.
 */
import type { Principal } from '../security/session-tokens';
import type { MessageRole, StoredCitation } from '../store/types';

export type Citation = StoredCitation;

export interface AgentTurnInput {
  tenantId: string;
  conversationId: string;
  /** The user's message, already PII-redacted. */
  message: string;
  /** Earlier turns of this thread, oldest first (already capped to the memory window). */
  history: Array<{ role: MessageRole; text: string }>;
  principal: Principal;
  signal?: AbortSignal;
}

/**
 * Why a turn was handed to a person.
 * - `low_confidence`: the evidence did not support an answer.
 * - `no_knowledge`: nothing relevant was found.
 * - `user_requested`: the person asked for a human.
 * - `sensitive_topic`: the topic requires a person (an account problem, a dispute, suspected
 *   fraud, a legal threat), whatever the knowledge base says.
 */
export type EscalationReason =
  | 'low_confidence'
  | 'user_requested'
  | 'no_knowledge'
  | 'sensitive_topic';

/** The intents of the design document §3.2.2. */
export type Intent =
  | 'question'
  | 'account_issue'
  | 'complex'
  | 'human_requested'
  | 'small_talk'
  | 'out_of_scope';

/**
 * How the turn ended, for the widget and the audit trail:
 * - `answered`: a confident, grounded answer.
 * - `closest_passage`: not confident; the closest help-centre passage is quoted with its
 *   citation and a person is offered in one click.
 * - `handed_over`: escalated to a person.
 * - `declined`: off-topic, unsafe or not allowed (e.g. another person's data); said politely.
 * - `small_talk`: a greeting or thanks, no knowledge needed.
 * - `sign_in_required`: an account question from a visitor.
 */
export type TurnOutcome =
  | 'answered'
  | 'closest_passage'
  | 'handed_over'
  | 'declined'
  | 'small_talk'
  | 'sign_in_required';

/** Tokens a model call used, from the API's usage fields, and what they cost. */
export interface ModelUsage {
  model: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/**
 * Why the answer came from offline mode when a model is configured. Null when it did not, or
 * when no model is configured at all.
 */
export type FallbackReason =
  | 'provider_error'
  | 'timeout'
  | 'circuit_open'
  | 'budget_exhausted'
  | 'rate_limited';

/**
 * Everything needed to explain an answer later (it goes into the audit record): never message
 * text or PII, only facts about how the answer was made.
 */
export interface AnswerTrace {
  mode: 'offline' | 'connected';
  intent: Intent;
  outcome: TurnOutcome;
  /** Chat model name, or null offline. */
  model: string | null;
  /** Version tag of the prompts used (agent/prompts.ts), or 'offline-N'. */
  promptVersion: string;
  /** Pages the answer was grounded on, best first. */
  retrieved: Array<{ document_id: string; version: number; page: number }>;
  /** The model's grounding judgment (0..1), when one was asked for. */
  grounding: number | null;
  /** Confidence threshold that applied (per topic), for the decision record. */
  threshold: number;
  usage: ModelUsage[];
  fallback: FallbackReason | null;
  /** Served from the per-tenant answer cache. */
  cached: boolean;
}

export type AgentEvent =
  | { type: 'token'; text: string }
  | { type: 'citations'; citations: Citation[] }
  | { type: 'escalate'; reason: EscalationReason }
  | { type: 'done'; confidence: number; trace: AnswerTrace };

export interface ChatAgent {
  /** Streams one answer. Yields exactly one `done`, last. */
  respond(input: AgentTurnInput): AsyncGenerator<AgentEvent>;
}
