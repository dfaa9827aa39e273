/**
 * generate: writes the answer and streams it as it is written. Connected mode streams the
 * model's tokens (ChatOpenAI `.stream()`) into the graph's custom stream the moment they arrive;
 * offline mode answers from the passages (answerOffline) or the account facts (describeAccount)
 * and sends the text word by word. A failed model call answers offline for the rest of the turn.
 * A first question's answer may already be written: classify drafts it (answer-drafts.ts), and
 * generate relays the draft when it stands on the same passages, else writes anew.
 */
import type { AIMessageChunk, BaseMessage } from '@langchain/core/messages';
import { describeAccount } from '../../integrations/accounts/describe-account';
import type { SearchHit } from '../../knowledge/types';
import { type DraftPlan, type DraftResult, passagesKey } from '../answer-drafts';
import { emit, emitText } from '../events';
import { type AgentDeps, callModel } from '../graph-deps';
import { fallbackReasonOf, textOf } from '../models';
import { toCitation } from '../offline/citations';
import { answerOffline } from '../offline/offline-answerer';
import { answerMessages, citedIds } from '../prompts';
import type { AgentStateUpdate, AgentStateValue, NodeRuntime, Reply } from '../state';
import { createJudge } from './check-confidence';

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

/**
 * Streams the model's answer to `messages` through the gate, each chunk to `onChunk`; settles
 * with the call's metered usage.
 */
async function streamAnswer(
  deps: AgentDeps,
  model: NonNullable<AgentDeps['model']>,
  tenantId: string,
  signal: AbortSignal | undefined,
  messages: BaseMessage[],
  onChunk: (chunk: AIMessageChunk) => void,
): Promise<DraftResult> {
  const { usage } = await callModel(
    deps,
    tenantId,
    signal,
    async (callSignal) => {
      // Only the usage is needed of the whole message (the text went to `onChunk`), and it
      // comes in one chunk of its own: no concatenating every chunk into a copy of the answer.
      let usage: AIMessageChunk | undefined;
      for await (const chunk of await model.stream(messages, { signal: callSignal })) {
        onChunk(chunk);
        if (chunk.usage_metadata) usage = chunk;
      }
      return usage;
    },
    (usage) => usage,
  );
  return { usage };
}

/**
 * The draft of a first question's answer, written as generate would write it once retrieve
 * found `hits` (the search classify prefetched). None without passages to ground on.
 */
export function draftPlan(
  deps: AgentDeps,
  state: Pick<AgentStateValue, 'tenantId' | 'message' | 'history'>,
  hits: SearchHit[],
): DraftPlan | null {
  const model = deps.model;
  if (!model || hits.length === 0) return null;
  const messages = answerMessages({
    question: state.message,
    history: state.history,
    hits,
    toolResults: [],
  });
  return {
    passages: passagesKey(hits),
    write: (signal, push) => streamAnswer(deps, model, state.tenantId, signal, messages, push),
  };
}

/** Builds the generate node. */
export function createGenerateNode(deps: AgentDeps, judgeAnswer = createJudge(deps)) {
  return async function generate(
    state: AgentStateValue,
    runtime?: NodeRuntime,
  ): Promise<AgentStateUpdate> {
    const writer = runtime?.writer;
    const model = deps.model;
    const hasEvidence = state.hits.length > 0 || state.toolResults.length > 0;
    const draft = deps.drafts?.claim(state.turnId);
    // With nothing to ground on there is nothing for a model to say: hand over without a call.
    if (!model || state.mode === 'offline' || !hasEvidence) {
      draft?.cancel();
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
    // The judgment needs only the whole answer: it is asked for as soon as the last words are
    // in (the chunk with the finish reason), before the usage chunk and the metering, and not
    // a graph step later in check_confidence.
    let judging = false;
    const startJudgment = () => {
      if (judging || !judgeAnswer || !deps.headStarts) return;
      judging = true;
      deps.headStarts.judgment.start(
        state.turnId,
        (signal) => judgeAnswer(state, text, signal),
        runtime?.signal,
      );
    };
    const onChunk = (chunk: AIMessageChunk) => {
      const piece = textOf(chunk);
      if (piece) {
        text += piece;
        emit(writer, { type: 'token', text: piece });
      }
      if (chunk.response_metadata?.finish_reason) startJudgment();
    };
    try {
      // The draft stands on the same passages when retrieve took the search it was written
      // from and the thread had nothing to add (a first question): relay it, else write anew.
      const drafted =
        draft &&
        state.toolResults.length === 0 &&
        (await draft.passages) === passagesKey(state.hits)
          ? draft
          : null;
      if (!drafted) draft?.cancel();
      else runtime?.signal?.addEventListener('abort', () => drafted.cancel(), { once: true });
      const { usage } = drafted
        ? await drafted.relay(onChunk)
        : await streamAnswer(deps, model, state.tenantId, runtime?.signal, messages, onChunk);
      startJudgment(); // a provider that sends no finish reason
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
