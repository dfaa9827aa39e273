/**
 * What every chat agent (the offline one now, the LangGraph one next) takes and yields.
 * The HTTP layer turns these events into the v1 wire events.
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

export type EscalationReason = 'low_confidence' | 'user_requested' | 'no_knowledge';

export type AgentEvent =
  | { type: 'token'; text: string }
  | { type: 'citations'; citations: Citation[] }
  | { type: 'escalate'; reason: EscalationReason }
  | { type: 'done'; confidence: number };

export interface ChatAgent {
  /** Streams one answer. Yields exactly one `done`, last. */
  respond(input: AgentTurnInput): AsyncGenerator<AgentEvent>;
}
