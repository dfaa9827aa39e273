/**
 * Running a ChatAgent in tests: one turn's events gathered and checked for the contract (exactly
 * one \`done\`, last), and a scripted model that plays the classifier, the writer and the judge.
 */

import type { AgentEvent, AgentTurnInput, ChatAgent } from '../types';
import { VISITOR } from './graph-fixtures';
import { type ScriptedCall, ScriptedChatModel, type ScriptedReply } from './scripted-chat-model';

/** A turn from a visitor of the demo tenant, unless \`over\` says otherwise. */
export const turnInput = (message: string, over: Partial<AgentTurnInput> = {}): AgentTurnInput => ({
  tenantId: 'demo',
  conversationId: 'c1',
  message,
  history: [],
  principal: VISITOR,
  ...over,
});

/** Runs one turn; throws unless it ends with exactly one \`done\`. */
export async function runTurn(agent: ChatAgent, turn: AgentTurnInput) {
  const events: AgentEvent[] = [];
  for await (const e of agent.respond(turn)) events.push(e);
  const tokens = events.flatMap((e) => (e.type === 'token' ? [e.text] : []));
  const done = events.at(-1);
  if (done?.type !== 'done' || events.filter((e) => e.type === 'done').length !== 1)
    throw new Error('a turn must end with exactly one done event');
  const escalation = events.find((e) => e.type === 'escalate');
  const citations = events.find((e) => e.type === 'citations');
  return {
    events,
    tokens,
    text: tokens.join(''),
    done,
    trace: done.trace,
    escalation: escalation?.type === 'escalate' ? escalation.reason : null,
    citations: citations?.type === 'citations' ? citations.citations : [],
  };
}

/** What the scripted classifier says (defaults: payouts, not sensitive, no rewrite). */
export type Classified = {
  intent: string;
  topic?: string;
  sensitive?: boolean;
  standalone_question?: string;
};

/** A model whose classification, answer, grounding judgment and tool-loop replies a test sets. */
export function scriptedAgentModel(
  classified: Classified,
  answer: ScriptedReply = 'Instant Pay costs a flat $2.99 per transfer [1].',
  grounding: Record<string, unknown> = {
    supported: 1,
    unsupported_claims: [],
    answers_question: true,
  },
  tools?: (call: Extract<ScriptedCall, { kind: 'chat' }>) => ScriptedReply,
) {
  return new ScriptedChatModel((call) => {
    if (call.kind === 'structured' && call.name === 'classification')
      return {
        json: { topic: 'payouts', sensitive: false, standalone_question: '', ...classified },
      };
    if (call.kind === 'structured') return { json: grounding };
    if (call.tools.length > 0 && tools) return tools(call);
    return answer;
  });
}
