import { describe, expect, it, vi } from 'vitest';
import { createHeadStarts } from '../head-starts';
import type { AgentStateUpdate } from '../state';
import {
  collectingRuntime,
  depsOf,
  FEE_HIT,
  fixedKnowledge,
  stateOf,
} from '../testing/graph-fixtures';
import { providerError, ScriptedChatModel } from '../testing/scripted-chat-model';
import { createClassifyNode } from './classify';

const settings = { confidenceThreshold: 0.4, topicThresholds: { tax: 0.55 } };

describe('classify', () => {
  it('offline: classifies by rules and sets the per-topic threshold', async () => {
    const node = createClassifyNode(depsOf());
    const out = await node(
      stateOf({ message: 'when will my w2 tax form arrive?' }),
      collectingRuntime(settings).runtime,
    );
    expect(out.classification).toMatchObject({
      intent: 'question',
      topic: 'tax',
      standaloneQuestion: null,
    });
    expect(out.threshold).toBe(0.55);
    expect(out.fallback).toBeUndefined();
  });

  it('connected: takes the model reading, its standalone rewrite and its usage', async () => {
    const model = new ScriptedChatModel(() => ({
      json: {
        intent: 'question',
        topic: 'payouts',
        sensitive: false,
        standalone_question: 'How much does Instant Pay cost?',
      },
    }));
    const node = createClassifyNode(depsOf({ model, modelName: 'scripted-model' }));
    const out = await node(
      stateOf({ mode: 'connected', message: 'and the cost?' }),
      collectingRuntime(settings).runtime,
    );
    expect(out.classification).toMatchObject({
      intent: 'question',
      standaloneQuestion: 'How much does Instant Pay cost?',
    });
    expect(out.usage).toHaveLength(1);
    expect(model.calls[0]).toMatchObject({ kind: 'structured', name: 'classification' });
  });

  it('connected: asks the model before it prepares the prefetched search', async () => {
    const model = new ScriptedChatModel(() => ({
      json: { intent: 'question', topic: 'payouts', sensitive: false, standalone_question: '' },
    }));
    const inner = fixedKnowledge([FEE_HIT]);
    let release = () => {};
    const statsHeld = new Promise<void>((resolve) => {
      release = resolve;
    });
    const prefetched: string[] = [];
    const knowledge = {
      ...inner,
      async corpusStats(tenantId: string) {
        await statsHeld;
        return inner.corpusStats(tenantId);
      },
      prefetch: (q: { text: string }) => void prefetched.push(q.text),
      peek: () => undefined,
    };
    const node = createClassifyNode(depsOf({ model, knowledge }));
    const out = node(
      stateOf({ mode: 'connected', message: 'how much does instant pay cost' }),
      collectingRuntime(settings).runtime,
    );
    // The search is still being prepared, and the classification request has already left.
    await vi.waitFor(() => expect(model.calls).toHaveLength(1));
    expect(prefetched).toEqual([]);
    release();
    expect((await out).classification?.intent).toBe('question');
    expect(prefetched).toHaveLength(1);
  });

  it('reads an explicit request for a person by the rules, without a model call', async () => {
    const model = new ScriptedChatModel(() => ({
      json: { intent: 'small_talk', topic: 'general', sensitive: false, standalone_question: '' },
    }));
    const node = createClassifyNode(depsOf({ model }));
    const out = await node(stateOf({ mode: 'connected', message: 'I want to speak to a human' }));
    expect(out.classification?.intent).toBe('human_requested');
    expect(model.calls).toEqual([]);
  });

  it('falls back to the rules and records why when the model fails', async () => {
    const model = new ScriptedChatModel(() => ({ error: providerError(429) }));
    const node = createClassifyNode(depsOf({ model }));
    const out = await node(stateOf({ mode: 'connected', message: 'hello' }));
    expect(out).toMatchObject({ mode: 'offline', fallback: 'rate_limited' });
    expect(out.classification?.intent).toBe('small_talk');
  });

  it('connected: takes the classification started with the turn instead of asking again', async () => {
    const model = new ScriptedChatModel(() => ({ json: {} }));
    const started = createHeadStarts<AgentStateUpdate>();
    const early = {
      classification: {
        intent: 'small_talk',
        topic: 'general',
        sensitive: false,
        standaloneQuestion: null,
      },
      threshold: 0.4,
    } satisfies AgentStateUpdate;
    started.start('turn-1', async () => early);
    const node = createClassifyNode(
      depsOf({ model, headStarts: { classification: started, judgment: createHeadStarts() } }),
    );
    const out = await node(
      stateOf({ mode: 'connected', message: 'hi there' }),
      collectingRuntime(settings).runtime,
    );
    expect(out).toBe(early);
    expect(model.calls).toEqual([]);
    expect(started.size).toBe(0);
  });
});
