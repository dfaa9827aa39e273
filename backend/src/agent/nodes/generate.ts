/**
 * generate: writes the answer and streams it as it is written. Connected mode streams the
 * model's tokens (ChatOpenAI `.stream()`) into the graph's custom stream the moment they arrive;
 * offline mode answers from the passages (answerOffline) or the account facts (describeAccount)
 * and sends the text word by word. A failed model call answers offline for the rest of the turn.
 */
import type { AIMessageChunk } from '@langchain/core/messages';
import { describeAccount } from '../../integrations/accounts/describe-account';
import { emit, emitText } from '../events';
import { type AgentDeps, callModel } from '../graph-deps';
import { fallbackReasonOf, textOf } from '../models';
import { toCitation } from '../offline/citations';
import { answerOffline } from '../offline/offline-answerer';
import { answerMessages, citedIds } from '../prompts';
import type { AgentStateUpdate, AgentStateValue, NodeRuntime, Reply } from '../state';

/** The offline answer to this state: account facts for an account turn, else the passages. */
async function offlineReply(deps: AgentDeps, state: AgentStateValue): Promise<Reply> {
  if (state.account) {
    const described = describeAccount(state.message, state.account);
    return {
      text: described.text,
      streamed: false,
      source: 'offline',
      outcome: 'answered',
      escalation: null,
      citations: [],
      used: [],
      // Read from the system of record, not inferred: nothing to be unsure about.
      confidence: 1,
    };
  }
  const stats = await deps.knowledge.corpusStats(state.tenantId);
  const answer = answerOffline({
    message: state.message,
    searchText: state.searchText || state.message,
    hits: state.hits,
    stats,
    threshold: state.threshold,
    sensitive: state.classification?.sensitive ?? false,
  });
  return { ...answer, streamed: false, source: 'offline' };
}

/** Builds the generate node. */
export function createGenerateNode(deps: AgentDeps) {
  return async function generate(
    state: AgentStateValue,
    runtime?: NodeRuntime,
  ): Promise<AgentStateUpdate> {
    const writer = runtime?.writer;
    const model = deps.model;
    const hasEvidence = state.hits.length > 0 || state.toolResults.length > 0;
    // With nothing to ground on there is nothing for a model to say: hand over without a call.
    if (!model || state.mode === 'offline' || !hasEvidence) {
      const reply = await offlineReply(deps, state);
      emitText(writer, reply.text);
      return { reply: { ...reply, streamed: true } };
    }

    let text = '';
    const messages = answerMessages({
      question: state.classification?.standaloneQuestion ?? state.message,
      history: state.history,
      hits: state.hits,
      toolResults: state.toolResults,
    });
    try {
      const { usage } = await callModel(
        deps,
        state.tenantId,
        runtime?.signal,
        async (signal) => {
          let full: AIMessageChunk | undefined;
          for await (const chunk of await model.stream(messages, { signal })) {
            const piece = textOf(chunk);
            if (piece) {
              text += piece;
              emit(writer, { type: 'token', text: piece });
            }
            full = full ? full.concat(chunk) : chunk;
          }
          return full;
        },
        (full) => full,
      );
      const cited = citedIds(text).flatMap((id) => state.hits[id - 1] ?? []);
      const reply: Reply = {
        text,
        streamed: true,
        source: 'model',
        // check_confidence decides; until then the answer stands.
        outcome: 'answered',
        escalation: null,
        citations: cited.map((hit) => toCitation(hit, text)),
        used: cited.length > 0 ? cited : state.hits.slice(0, 3),
        confidence: 0,
      };
      return { reply, usage };
    } catch (error) {
      deps.logger.warn({ err_name: (error as Error).name, node: 'generate' }, 'model call failed');
      const offline = await offlineReply(deps, state);
      // Words already sent cannot be taken back: the offline answer follows them, set apart.
      const lead = text === '' ? '' : '\n\n';
      emitText(writer, lead + offline.text);
      return {
        mode: 'offline',
        fallback: fallbackReasonOf(error),
        reply: { ...offline, text: text + lead + offline.text, streamed: true },
      };
    }
  };
}
