/**
 * One whole answer from an agent, for callers that want the result rather than the stream:
 * the answer-quality eval and tests. Asks as an anonymous visitor of the tenant by default.
 */
import type { Principal } from '../security/session-tokens';
import type { AgentEvent, AnswerTrace, ChatAgent, Citation, EscalationReason } from './types';

export interface CollectedAnswer {
  text: string;
  citations: Citation[];
  escalation: EscalationReason | null;
  confidence: number;
  /** From the `done` event: how the turn ended (outcome, mode, fallback). */
  trace: AnswerTrace | null;
  events: AgentEvent[];
}

/** @example const { text, confidence } = await askAgent(agent, 'demo', 'How much is Instant Pay?') */
export async function askAgent(
  agent: ChatAgent,
  tenantId: string,
  message: string,
  /** Who asks; an anonymous visitor of the tenant unless given (e.g. a signed-in customer). */
  principal: Principal = { role: 'visitor', tenantId, subject: 'ask-agent', origin: null },
): Promise<CollectedAnswer> {
  const answer: CollectedAnswer = {
    text: '',
    citations: [],
    escalation: null,
    confidence: 0,
    trace: null,
    events: [],
  };
  for await (const event of agent.respond({
    tenantId,
    conversationId: 'ask-agent',
    message,
    history: [],
    principal,
  })) {
    answer.events.push(event);
    if (event.type === 'token') answer.text += event.text;
    else if (event.type === 'citations') answer.citations = event.citations;
    else if (event.type === 'escalate') answer.escalation = event.reason;
    else if (event.type === 'done') {
      answer.confidence = event.confidence;
      answer.trace = event.trace;
    }
  }
  return answer;
}
