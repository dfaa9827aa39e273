/**
 * What every chat agent (offline, LangGraph connected, and the fallback that joins them) takes
 * and yields. run-turn.ts turns these events into the v1 wire events and persists the turn.
 */
import type { Citation, EscalationReason, TurnOutcome } from '../contract/v1';
import type { Principal } from '../security/session-tokens';
import type { MessageRole } from '../store/types';

export type { Citation, EscalationReason, TurnOutcome };

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

/** The intents of the design document §3.2.2. */
export type Intent =
  | 'question'
  | 'account_issue'
  | 'complex'
  | 'human_requested'
  | 'small_talk'
  | 'out_of_scope';

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
