/**
 * One whole answer from an agent, for callers that want the result rather than the stream:
 * the answer-quality eval and tests. Asks as an anonymous visitor of the tenant.
 */
import type { AgentEvent, ChatAgent, Citation, EscalationReason } from './types';

export interface CollectedAnswer {
  text: string;
  citations: Citation[];
  escalation: EscalationReason | null;
  confidence: number;
  events: AgentEvent[];
}

/** @example const { text, confidence } = await askAgent(agent, 'demo', 'How much is Instant Pay?') */
export async function askAgent(
  agent: ChatAgent,
  tenantId: string,
  message: string,
): Promise<CollectedAnswer> {
  const answer: CollectedAnswer = {
    text: '',
    citations: [],
    escalation: null,
    confidence: 0,
    events: [],
  };
  for await (const event of agent.respond({
    tenantId,
    conversationId: 'ask-agent',
    message,
    history: [],
    principal: { role: 'visitor', tenantId, subject: 'ask-agent', origin: null },
  })) {
    answer.events.push(event);
    if (event.type === 'token') answer.text += event.text;
    else if (event.type === 'citations') answer.citations = event.citations;
    else if (event.type === 'escalate') answer.escalation = event.reason;
    else answer.confidence = event.confidence;
  }
  return answer;
}
