/**
 * reply_directly: turns that need no knowledge, answered with a fixed wording at once:
 * greetings and thanks, a request for a person, off-topic or not-allowed requests, a sensitive
 * topic (a brief acknowledgement, then the graph escalates) and a visitor's account question.
 */
import { emitText } from '../events';
import {
  DECLINE_TEXT,
  GREETING_TEXT,
  HUMAN_TEXT,
  SENSITIVE_TEXT,
  SIGN_IN_TEXT,
  THANKS_TEXT,
} from '../offline/replies';
import type { AgentStateUpdate, AgentStateValue, NodeRuntime, Reply } from '../state';

const THANKS = /\b(?:thanks?|thank\s*you|thx|ty|cheers|appreciate)/i;

/** The fixed reply for a classified turn. */
export function directReply(state: AgentStateValue): Omit<Reply, 'streamed' | 'source'> {
  const c = state.classification;
  const base = { citations: [], used: [], confidence: 1 };
  if (c?.sensitive)
    return { ...base, text: SENSITIVE_TEXT, outcome: 'handed_over', escalation: 'sensitive_topic' };
  switch (c?.intent) {
    case 'human_requested':
      return { ...base, text: HUMAN_TEXT, outcome: 'handed_over', escalation: 'user_requested' };
    case 'out_of_scope':
      return { ...base, text: DECLINE_TEXT, outcome: 'declined', escalation: null };
    case 'account_issue':
      return { ...base, text: SIGN_IN_TEXT, outcome: 'sign_in_required', escalation: null };
    default: {
      const text = THANKS.test(state.message) ? THANKS_TEXT : GREETING_TEXT;
      return { ...base, text, outcome: 'small_talk', escalation: null };
    }
  }
}

/** The reply_directly node. */
export async function replyDirectly(
  state: AgentStateValue,
  runtime?: NodeRuntime,
): Promise<AgentStateUpdate> {
  const reply = directReply(state);
  emitText(runtime?.writer, reply.text);
  return { reply: { ...reply, streamed: true, source: 'offline' } };
}
