import type { AIMessageChunk } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../store/sqlite/open';
import type { Store } from '../../store/types';
import { type FakeOpenAI, startFakeOpenAI } from '../../testing/fake-openai/index';
import { createBudget } from '../cost/budget';
import { usageFromMessage } from '../cost/pricing';
import { createModelGate, type ModelGate } from './model-gate';
import { isModelUnavailable } from './model-unavailable';

describe('model gate through the real ChatOpenAI client', () => {
  let fake: FakeOpenAI;
  let store: Store;
  let gate: ModelGate;
  let model: ChatOpenAI;

  /** The first call through a fresh client loads modules lazily (~0.5 s here): not a hang. */
  const gateWith = (timeoutMs: number) => {
    const logger = pino({ level: 'silent' });
    return createModelGate({
      breaker: { failures: 2, resetMs: 60_000 },
      callsPerMinute: 3500,
      timeoutMs,
      budget: createBudget({ usage: store.usage, audit: store.audit, logger, budgetFor: () => 40 }),
      usage: store.usage,
      logger,
    });
  };

  beforeEach(async () => {
    fake = await startFakeOpenAI();
    store = openSqliteStore({ path: ':memory:' });
    gate = gateWith(300);
    // Retries off: the gate and the offline fallback handle failures, not client back-off.
    model = new ChatOpenAI({
      model: 'gpt-4o-mini',
      apiKey: 'test',
      maxRetries: 0,
      configuration: { baseURL: fake.url },
    });
    await model.invoke('warm up'); // load the client's modules before timing anything
  });
  afterEach(async () => {
    await fake.close();
    await store.close();
  });

  const reason = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (e: unknown) => (isModelUnavailable(e) ? e.reason : `other: ${String(e)}`),
    );

  it('meters a streamed answer from the usage chunk', async () => {
    fake.enqueue({
      content: 'Tips are paid on Friday.',
      usage: { prompt_tokens: 900, completion_tokens: 6 },
    });
    gate = gateWith(10_000);
    const message = await gate.run('t1', async (signal) => {
      let full: AIMessageChunk | undefined;
      for await (const chunk of await model.stream('when are tips paid', { signal })) {
        full = full ? full.concat(chunk) : chunk;
      }
      return full;
    });
    const usage = message && usageFromMessage('gpt-4o-mini', message);
    expect(usage).toMatchObject({ inputTokens: 900, outputTokens: 6 });
    if (usage) await gate.record('t1', usage);
    expect(await store.usage.monthToDate('t1', new Date())).toBeCloseTo(
      (900 * 0.15 + 6 * 0.6) / 1e6,
      12,
    );
  });

  it('falls back on a 500, a 429 and a hang, then stops calling once the breaker opens', async () => {
    fake.failNext(500);
    expect(await reason(gate.run('t1', (signal) => model.invoke('a', { signal })))).toBe(
      'provider_error',
    );

    fake.failNext(429, 1, { retryAfter: 0 });
    expect(await reason(gate.run('t1', (signal) => model.invoke('b', { signal })))).toBe(
      'rate_limited',
    );
    expect(gate.state().circuit).toBe('open'); // two consecutive provider failures

    const sent = fake.chatRequests.length;
    expect(await reason(gate.run('t1', (signal) => model.invoke('c', { signal })))).toBe(
      'circuit_open',
    );
    expect(fake.chatRequests).toHaveLength(sent);
  });

  it('times out a hanging provider within the timeout', async () => {
    fake.hangNext();
    const started = Date.now();
    expect(await reason(gate.run('t1', (signal) => model.invoke('hello', { signal })))).toBe(
      'timeout',
    );
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2_000);
    // The next call goes through: one timeout is below the breaker's threshold.
    expect((await gate.run('t1', (signal) => model.invoke('again', { signal }))).content).toBe(
      'Fake answer to: again',
    );
  });
});
