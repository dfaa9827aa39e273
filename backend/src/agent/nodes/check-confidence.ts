/**
 * check_confidence: is the answer good enough to stand? Offline answers carry their own
 * evidence confidence and outcome. A model's answer is judged twice: by the retrieval evidence
 * (evidenceConfidence, the offline measure) and by the model itself (structured output: the
 * share of claims the passages state, and whether it answers the question at all).
 *
 * Trade-off: the answer was streamed while it was written (first token in well under a second
 * matters more to a waiting worker than a perfect first draft), so the check runs after the
 * words are out. When it fails, we cannot unsay them: a clear sentence is appended
 * (NOT_SURE_TEXT), the outcome becomes `closest_passage` (relevant evidence: the citations
 * stay) or `handed_over` (a person is asked to step in), and the trace records why.
 */
import { z } from 'zod';
import { emitText } from '../events';
import { type AgentDeps, callModel } from '../graph-deps';
import { fallbackReasonOf, structuredCall } from '../models';
import { evidenceConfidence } from '../offline/offline-answerer';
import { groundingMessages, NOT_SURE_TEXT } from '../prompts';
import type { AgentStateUpdate, AgentStateValue, NodeRuntime, Reply } from '../state';
import type { FallbackReason, ModelUsage } from '../types';

/** The grounding judgment the model returns. */
export const GroundingSchema = z.object({
  supported: z.number().min(0).max(1),
  unsupported_claims: z.array(z.string()),
  answers_question: z.boolean(),
});

type Judgment = z.infer<typeof GroundingSchema>;

/** Evidence weighs less than the judge: a paraphrased question shares few words with its answer. */
const EVIDENCE_WEIGHT = 0.35;

/**
 * One confidence from evidence (0..1) and the judgment. An invented claim or a non-answer
 * halves it: those are exactly the answers that must not stand.
 */
export function combineConfidence(evidence: number, judgment: Judgment): number {
  let confidence = EVIDENCE_WEIGHT * evidence + (1 - EVIDENCE_WEIGHT) * judgment.supported;
  if (judgment.unsupported_claims.length > 0) confidence *= 0.5;
  if (!judgment.answers_question) confidence *= 0.5;
  return Math.max(0, Math.min(1, confidence));
}

/** A grounding judgment's outcome: the judgment, or why there is none (the turn goes offline). */
export type Judged =
  | { judgment: Judgment; usage: ModelUsage[] }
  | { judgment: null; fallback: FallbackReason };

/** What the judge reads: the question, the passages and tool output the answer stands on. */
export type JudgeInput = Pick<
  AgentStateValue,
  'tenantId' | 'message' | 'classification' | 'hits' | 'toolResults'
>;

/**
 * The grounding judgment of an answer, as check_confidence asks for it; generate also starts
 * it as soon as the answer's last token is in (head-starts.ts). Null offline.
 */
export function createJudge(deps: AgentDeps) {
  const judge = deps.model ? structuredCall(deps.model, GroundingSchema, 'grounding') : null;
  if (!judge) return null;
  return async function judgeAnswer(
    state: JudgeInput,
    answer: string,
    signal: AbortSignal | undefined,
  ): Promise<Judged> {
    try {
      const { result, usage } = await callModel(
        deps,
        state.tenantId,
        signal,
        (callSignal) =>
          judge.invoke(
            groundingMessages({
              question: state.classification?.standaloneQuestion ?? state.message,
              answer,
              hits: state.hits,
              toolResults: state.toolResults,
            }),
            { signal: callSignal },
          ),
        (r) => r.raw,
      );
      return { judgment: result.parsed, usage };
    } catch (error) {
      deps.logger.warn(
        { err_name: (error as Error).name, node: 'check_confidence' },
        'model call failed',
      );
      return { judgment: null, fallback: fallbackReasonOf(error) };
    }
  };
}

/** Builds the check_confidence node. */
export function createCheckConfidenceNode(deps: AgentDeps, judgeAnswer = createJudge(deps)) {
  return async function checkConfidence(
    state: AgentStateValue,
    runtime?: NodeRuntime,
  ): Promise<AgentStateUpdate> {
    const reply = state.reply;
    if (!reply || reply.source === 'offline') return {};
    const started = deps.headStarts?.judgment.take(state.turnId);
    const accountTurn = state.toolResults.length > 0;
    const stats = accountTurn ? null : await deps.knowledge.corpusStats(state.tenantId);
    // Account facts come from the system of record: as evidence they are complete.
    const evidence = stats ? evidenceConfidence(state.message, state.hits, stats) : 1;

    let judgment: Judgment | null = null;
    const update: AgentStateUpdate = {};
    if (judgeAnswer && state.mode === 'connected') {
      const judged = await (started ?? judgeAnswer(state, reply.text, runtime?.signal));
      if (judged.judgment) {
        judgment = judged.judgment;
        update.usage = judged.usage;
        update.grounding = judgment.supported;
      } else {
        update.mode = 'offline';
        update.fallback = judged.fallback;
      }
    }
    // Without a judgment, the evidence alone decides (the offline rule).
    const confidence = judgment ? combineConfidence(evidence, judgment) : evidence;
    if (confidence >= state.threshold) return { ...update, reply: { ...reply, confidence } };

    // Relevant enough to show as the closest passage: the evidence reached half the bar.
    const relevant = reply.citations.length > 0 && evidence >= state.threshold / 2;
    const text = `${reply.text.trimEnd()}\n\n${NOT_SURE_TEXT}`;
    emitText(runtime?.writer, `\n\n${NOT_SURE_TEXT}`);
    const checked: Reply = relevant
      ? { ...reply, text, confidence, outcome: 'closest_passage', escalation: null }
      : {
          ...reply,
          text,
          confidence,
          outcome: 'handed_over',
          escalation: state.hits.length > 0 || accountTurn ? 'low_confidence' : 'no_knowledge',
        };
    return { ...update, reply: checked };
  };
}
