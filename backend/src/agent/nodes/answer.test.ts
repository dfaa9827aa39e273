import { describe, expect, it } from 'vitest';
import { createMemoryAnswerCache } from '../cost/answer-cache';
import type { Reply } from '../state';
import { collectingRuntime, depsOf, FEE_HIT, stateOf } from '../testing/graph-fixtures';
import { createAnswerNode } from './answer';

const citation = { document_id: 'doc-instant', title: 'Instant Pay', page: 2, snippet: '…' };
const reply: Reply = {
  text: 'It costs $2.99 [1].',
  streamed: true,
  source: 'model',
  outcome: 'answered',
  escalation: null,
  citations: [citation],
  used: [FEE_HIT],
  confidence: 0.9,
};
const question = {
  intent: 'question' as const,
  topic: 'payouts' as const,
  sensitive: false,
  standaloneQuestion: null,
};

describe('answer', () => {
  it('sends the citations, and the text only when it was not streamed yet', async () => {
    const streamed = collectingRuntime();
    await createAnswerNode(depsOf())(stateOf({ reply }), streamed.runtime);
    expect(streamed.events).toEqual([{ type: 'citations', citations: [citation] }]);
    const cached = collectingRuntime();
    await createAnswerNode(depsOf())(
      stateOf({ reply: { ...reply, streamed: false } }),
      cached.runtime,
    );
    expect(cached.text()).toBe('It costs $2.99 [1].');
  });

  it('caches a confident model answer to a general question', async () => {
    const cache = createMemoryAnswerCache({ ttlMs: 60_000 });
    const node = createAnswerNode(depsOf({ cache }));
    // Unjudged (the grounding call failed): not cached.
    await node(stateOf({ reply, classification: question, mode: 'offline' }));
    expect(await cache.get('demo', 'How much is the Instant Pay fee?', 'fp-1')).toBeNull();
    await node(stateOf({ reply, classification: question, mode: 'connected', grounding: 0.9 }));
    const hit = await cache.get('demo', 'How much is the Instant Pay fee?', 'fp-1');
    expect(hit).toMatchObject({
      text: reply.text,
      trace: { outcome: 'answered', mode: 'connected' },
    });
  });

  it('never caches an answer built from account data, an offline answer or a closest passage', async () => {
    const cache = createMemoryAnswerCache({ ttlMs: 60_000 });
    const node = createAnswerNode(depsOf({ cache }));
    const judged = { classification: question, grounding: 0.9 };
    await node(
      stateOf({ ...judged, reply, toolResults: [{ name: 'account_snapshot', content: '{}' }] }),
    );
    await node(stateOf({ ...judged, reply: { ...reply, source: 'offline' } }));
    await node(stateOf({ ...judged, reply: { ...reply, outcome: 'closest_passage' } }));
    expect(await cache.get('demo', 'How much is the Instant Pay fee?', 'fp-1')).toBeNull();
  });
});
