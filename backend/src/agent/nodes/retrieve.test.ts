import { describe, expect, it } from 'vitest';
import { createMemoryAnswerCache } from '../cost/answer-cache';
import { depsOf, FEE_HIT, fixedKnowledge, stateOf } from '../testing/graph-fixtures';
import { cacheKeyOf, createRetrieveNode } from './retrieve';

const question = {
  intent: 'question' as const,
  topic: 'payouts' as const,
  sensitive: false,
  standaloneQuestion: null,
};

describe('retrieve', () => {
  it('searches the message and keeps the hits', async () => {
    const knowledge = fixedKnowledge([FEE_HIT]);
    const out = await createRetrieveNode(depsOf({ knowledge }))(
      stateOf({ classification: question }),
    );
    expect(knowledge.queries).toEqual(['How much is the Instant Pay fee?']);
    expect(out.hits).toEqual([FEE_HIT]);
  });

  it('searches a follow-up as the model rewrote it, a first question as typed', async () => {
    const knowledge = fixedKnowledge([FEE_HIT]);
    const classification = { ...question, standaloneQuestion: 'What does Instant Pay cost?' };
    const history = [
      { role: 'user' as const, text: 'How does Instant Pay work?' },
      { role: 'assistant' as const, text: 'It moves your pay early.' },
    ];
    const retrieve = createRetrieveNode(depsOf({ knowledge }));
    await retrieve(
      stateOf({ mode: 'connected', classification, message: 'and the cost?', history }),
    );
    // A first question: the rewrite would only lose what classify already prefetched.
    await retrieve(stateOf({ mode: 'connected', classification, message: 'instant pay cost?' }));
    expect(knowledge.queries).toEqual(['What does Instant Pay cost?', 'instant pay cost?']);
  });

  it('serves a cached answer without searching', async () => {
    const knowledge = fixedKnowledge([FEE_HIT]);
    const cache = createMemoryAnswerCache({ ttlMs: 60_000 });
    const trace = {
      mode: 'connected' as const,
      intent: 'question' as const,
      outcome: 'answered' as const,
      model: 'm',
      promptVersion: 'connected-1',
      retrieved: [],
      grounding: 0.9,
      threshold: 0.4,
    };
    await cache.put('demo', 'How much is the Instant Pay fee?', 'fp-1', {
      text: 'It is $2.99.',
      citations: [],
      confidence: 0.9,
      trace,
    });
    const out = await createRetrieveNode(depsOf({ knowledge, cache }))(
      stateOf({ classification: question }),
    );
    expect(out).toMatchObject({
      cached: true,
      reply: { text: 'It is $2.99.', streamed: false, outcome: 'answered' },
    });
    expect(knowledge.queries).toEqual([]);
  });

  it('never uses the cache for a follow-up without a rewrite, or for an account question', () => {
    const history = [{ role: 'user' as const, text: 'What is Instant Pay?' }];
    expect(cacheKeyOf(stateOf({ classification: question, history }))).toBeNull();
    expect(
      cacheKeyOf(stateOf({ classification: { ...question, intent: 'account_issue' } })),
    ).toBeNull();
    expect(cacheKeyOf(stateOf({ classification: question }))).toBe(
      'How much is the Instant Pay fee?',
    );
  });
});
