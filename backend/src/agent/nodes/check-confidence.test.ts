import { describe, expect, it } from 'vitest';
import { createHeadStarts } from '../head-starts';
import { NOT_SURE_TEXT } from '../prompts';
import type { Reply } from '../state';
import { collectingRuntime, depsOf, FEE_HIT, hit, stateOf } from '../testing/graph-fixtures';
import { providerError, ScriptedChatModel } from '../testing/scripted-chat-model';
import { combineConfidence, createCheckConfidenceNode, type Judged } from './check-confidence';

const modelReply: Reply = {
  text: 'Instant Pay costs a flat $2.99 per transfer [1].',
  streamed: true,
  source: 'model',
  outcome: 'answered',
  escalation: null,
  citations: [{ document_id: 'doc-instant', title: 'Instant Pay', page: 2, snippet: '…' }],
  used: [FEE_HIT],
  confidence: 0,
};
const judge = (json: Record<string, unknown>) => new ScriptedChatModel(() => ({ json }));

describe('combineConfidence', () => {
  it('weighs the judgment over the evidence and halves invented claims and non-answers', () => {
    const full = { supported: 1, unsupported_claims: [], answers_question: true };
    expect(combineConfidence(0, full)).toBeCloseTo(0.65);
    expect(combineConfidence(1, { ...full, unsupported_claims: ['$5 fee'] })).toBeCloseTo(0.5);
    expect(combineConfidence(1, { ...full, answers_question: false })).toBeCloseTo(0.5);
  });
});

describe('check_confidence', () => {
  it('leaves an offline answer as it is', async () => {
    const out = await createCheckConfidenceNode(depsOf())(
      stateOf({ reply: { ...modelReply, source: 'offline' } }),
    );
    expect(out).toEqual({});
  });

  it('lets a grounded model answer stand, with the grounding recorded', async () => {
    const model = judge({ supported: 1, unsupported_claims: [], answers_question: true });
    const out = await createCheckConfidenceNode(depsOf({ model }))(
      stateOf({ mode: 'connected', reply: modelReply, hits: [FEE_HIT] }),
    );
    expect(out.reply).toMatchObject({ outcome: 'answered' });
    expect(out.reply?.confidence).toBeGreaterThan(0.8);
    expect(out.grounding).toBe(1);
  });

  it('appends the not-sure sentence and keeps the closest passage when the judge disagrees', async () => {
    const model = judge({ supported: 0.3, unsupported_claims: ['flat'], answers_question: true });
    const { runtime, text } = collectingRuntime();
    const out = await createCheckConfidenceNode(depsOf({ model }))(
      stateOf({ mode: 'connected', reply: modelReply, hits: [FEE_HIT] }),
      runtime,
    );
    expect(text()).toBe(`\n\n${NOT_SURE_TEXT}`);
    expect(out.reply).toMatchObject({ outcome: 'closest_passage', escalation: null });
    expect(out.reply?.text.endsWith(NOT_SURE_TEXT)).toBe(true);
  });

  it('hands over when neither evidence nor judge support the answer', async () => {
    const model = judge({
      supported: 0,
      unsupported_claims: ['everything'],
      answers_question: false,
    });
    const weak = hit({
      text: 'Reset your password on the sign-in page.',
      vectorSimilarity: 0.1,
      textScore: null,
    });
    const out = await createCheckConfidenceNode(depsOf({ model }))(
      stateOf({ mode: 'connected', reply: { ...modelReply, citations: [] }, hits: [weak] }),
    );
    expect(out.reply).toMatchObject({ outcome: 'handed_over', escalation: 'low_confidence' });
  });

  it('decides on the evidence alone when the judge call fails', async () => {
    const model = new ScriptedChatModel(() => ({ error: providerError(500) }));
    const out = await createCheckConfidenceNode(depsOf({ model }))(
      stateOf({ mode: 'connected', reply: modelReply, hits: [FEE_HIT] }),
    );
    expect(out).toMatchObject({ mode: 'offline', fallback: 'provider_error' });
    expect(out.grounding).toBeUndefined();
    expect(out.reply?.outcome).toBe('answered');
  });

  it('uses the judgment generate started instead of asking the model again', async () => {
    const model = judge({ supported: 0, unsupported_claims: ['all'], answers_question: false });
    const judgment = createHeadStarts<Judged>();
    judgment.start('turn-1', async () => ({
      judgment: { supported: 1, unsupported_claims: [], answers_question: true },
      usage: [],
    }));
    const out = await createCheckConfidenceNode(
      depsOf({ model, headStarts: { classification: createHeadStarts(), judgment } }),
    )(stateOf({ mode: 'connected', reply: modelReply, hits: [FEE_HIT] }));
    expect(model.calls).toEqual([]);
    expect(out.grounding).toBe(1);
    expect(out.reply).toMatchObject({ outcome: 'answered' });
  });

  it('falls back offline when the started judgment failed', async () => {
    const judgment = createHeadStarts<Judged>();
    judgment.start('turn-1', async () => ({ judgment: null, fallback: 'timeout' }));
    const out = await createCheckConfidenceNode(
      depsOf({
        model: judge({ supported: 1, unsupported_claims: [], answers_question: true }),
        headStarts: { classification: createHeadStarts(), judgment },
      }),
    )(stateOf({ mode: 'connected', reply: modelReply, hits: [FEE_HIT] }));
    expect(out).toMatchObject({ mode: 'offline', fallback: 'timeout' });
    expect(out.grounding).toBeUndefined();
  });
});
