/**
 * The agent's workflow (design document §3.2.2), wiring only: the nodes live in nodes/, one
 * per file.
 *
 *   classify ─┬─ reply_directly ──────────────────────────────┬─ escalate ─┐
 *             ├─ account_lookup ─┐                            │            │
 *             ├─ multi_step ─────┼─ generate ─ check_confidence ┴─ answer ─┴─ record
 *             └─ retrieve ───────┘ (a cache hit goes straight to answer)
 */
import { END, START, StateGraph } from '@langchain/langgraph';
import type { AgentDeps } from './graph-deps';
import { createAccountLookupNode } from './nodes/account-lookup';
import { createAnswerNode } from './nodes/answer';
import { createCheckConfidenceNode, createJudge } from './nodes/check-confidence';
import { createClassifier, createClassifyNode } from './nodes/classify';
import { escalate } from './nodes/escalate';
import { createGenerateNode } from './nodes/generate';
import { createMultiStepNode } from './nodes/multi-step';
import { createRecordNode } from './nodes/record';
import { replyDirectly } from './nodes/reply-directly';
import { createRetrieveNode } from './nodes/retrieve';
import { AgentState, type AgentStateValue, RunSettingsSchema } from './state';

const DIRECT = new Set(['small_talk', 'human_requested', 'out_of_scope']);

/** Where a classified turn goes. */
export function routeAfterClassify(state: AgentStateValue) {
  const c = state.classification;
  if (!c || DIRECT.has(c.intent)) return 'reply_directly' as const;
  // Offline, a sensitive question is still searched: the hand-over then quotes what the help
  // centre says to do meanwhile ("lock your card in the app"). Connected, a person takes it
  // at once rather than let a model speak to a dispute or a fraud.
  if (c.sensitive && !(state.mode === 'offline' && c.intent === 'question'))
    return 'reply_directly' as const;
  if (c.intent === 'account_issue')
    return state.principal.role === 'customer'
      ? ('account_lookup' as const)
      : ('reply_directly' as const);
  if (c.intent === 'complex' && state.mode === 'connected') return 'multi_step' as const;
  return 'retrieve' as const;
}

/** A finished reply goes to a person when it carries an escalation, else it is the answer. */
export function routeReply(state: AgentStateValue) {
  return state.reply?.escalation ? ('escalate' as const) : ('answer' as const);
}

/** Builds and compiles the graph. No checkpointer: the messages table is the thread's memory. */
export function createAgentGraph(deps: AgentDeps, classifyTurn = createClassifier(deps)) {
  // One judge for both nodes: generate starts the judgment, check_confidence asks itself if not.
  const judgeAnswer = createJudge(deps);
  return (
    new StateGraph(AgentState, { context: RunSettingsSchema })
      .addNode('classify', createClassifyNode(deps, classifyTurn))
      .addNode('reply_directly', replyDirectly)
      .addNode('retrieve', createRetrieveNode(deps))
      .addNode('account_lookup', createAccountLookupNode(deps))
      .addNode('multi_step', createMultiStepNode(deps))
      .addNode('generate', createGenerateNode(deps, judgeAnswer))
      .addNode('check_confidence', createCheckConfidenceNode(deps, judgeAnswer))
      .addNode('answer', createAnswerNode(deps))
      .addNode('escalate', escalate)
      .addNode('record', createRecordNode(deps))
      .addEdge(START, 'classify')
      .addConditionalEdges('classify', routeAfterClassify, [
        'reply_directly',
        'account_lookup',
        'multi_step',
        'retrieve',
      ])
      .addConditionalEdges('reply_directly', (s) => (s.reply?.escalation ? 'escalate' : 'record'), [
        'escalate',
        'record',
      ])
      // A cache hit already holds its reply.
      .addConditionalEdges('retrieve', (s) => (s.reply ? 'answer' : 'generate'), [
        'answer',
        'generate',
      ])
      // A fixed reply (sign in, no account system) or the looked-up facts to answer from.
      .addConditionalEdges('account_lookup', (s) => (s.reply ? routeReply(s) : 'generate'), [
        'escalate',
        'answer',
        'generate',
      ])
      // Nothing gathered (or the model failed): search as for a plain question.
      .addConditionalEdges(
        'multi_step',
        (s) => (s.hits.length > 0 || s.toolResults.length > 0 ? 'generate' : 'retrieve'),
        ['generate', 'retrieve'],
      )
      .addEdge('generate', 'check_confidence')
      .addConditionalEdges('check_confidence', routeReply, ['escalate', 'answer'])
      .addEdge('answer', 'record')
      .addEdge('escalate', 'record')
      .addEdge('record', END)
      .compile()
  );
}

/** The compiled graph's type. */
export type AgentGraph = ReturnType<typeof createAgentGraph>;
