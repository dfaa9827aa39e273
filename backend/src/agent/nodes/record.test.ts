import { describe, expect, it } from 'vitest';
import { OFFLINE_PROMPT_VERSION, PROMPT_VERSION } from '../prompts';
import { collectingRuntime, depsOf, FEE_HIT, stateOf } from '../testing/graph-fixtures';
import { createRecordNode, traceOf } from './record';

const reply = {
  text: 'secret words never traced',
  streamed: true,
  citations: [],
  used: [FEE_HIT],
  confidence: 0.8,
  outcome: 'answered' as const,
  escalation: null,
};

describe('record', () => {
  it('traces how a model answer was made, never its text', async () => {
    const usage = [{ model: 'gpt-4o-mini', inputTokens: 10, outputTokens: 5, costUsd: 0.00001 }];
    const out = await createRecordNode(depsOf({ modelName: 'gpt-4o-mini' }))(
      stateOf({
        mode: 'connected',
        reply: { ...reply, source: 'model' },
        usage,
        grounding: 0.9,
        threshold: 0.5,
      }),
    );
    expect(out.trace).toEqual({
      mode: 'connected',
      intent: 'question',
      outcome: 'answered',
      model: 'gpt-4o-mini',
      promptVersion: PROMPT_VERSION,
      retrieved: [{ document_id: 'doc-instant', version: 1, page: 2 }],
      grounding: 0.9,
      threshold: 0.5,
      usage,
      fallback: null,
      cached: false,
    });
    expect(JSON.stringify(out.trace)).not.toContain('secret words');
  });

  it('marks an offline fallback and its prompt version', () => {
    const trace = traceOf(
      stateOf({ reply: { ...reply, source: 'offline' }, fallback: 'timeout' }),
      'gpt-4o-mini',
    );
    expect(trace).toMatchObject({
      mode: 'offline',
      fallback: 'timeout',
      promptVersion: OFFLINE_PROMPT_VERSION,
    });
  });

  it("ends the run with its one done event: the reply's confidence and the trace", async () => {
    const { runtime, events } = collectingRuntime();
    const out = await createRecordNode(depsOf())(
      stateOf({ reply: { ...reply, source: 'offline' } }),
      runtime,
    );
    expect(events).toEqual([{ type: 'done', confidence: 0.8, trace: out.trace }]);
  });
});
