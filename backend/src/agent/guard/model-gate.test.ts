import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from '../../store/sqlite/open';
import type { Store } from '../../store/types';
import { createBudget } from '../cost/budget';
import { createModelGate, type ModelGateOptions } from './model-gate';
import { isModelUnavailable, ModelUnavailableError } from './model-unavailable';

const T0 = new Date('2026-03-10T12:00:00Z');

/** An error shaped like the OpenAI client's (LangChain passes `status` through). */
function providerError(status: number): Error {
  return Object.assign(new Error(`${status} from provider`), { status });
}

/** A call that never answers until its signal aborts, like a provider that hangs. */
function hang(onAbort: () => void = () => {}) {
  return (signal: AbortSignal) =>
    new Promise<string>((_, reject) => {
      signal.addEventListener('abort', () => {
        onAbort();
        reject(new Error('aborted by the gate'));
      });
    });
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isModelUnavailable(error) ? error.reason : `other: ${String(error)}`;
  }
}

describe('model gate', () => {
  let store: Store;
  let calls: number;
  const ok = async () => {
    calls++;
    return 'answer';
  };
  const failing = (status: number) => async () => {
    calls++;
    throw providerError(status);
  };

  function gate(overrides: Partial<ModelGateOptions> = {}) {
    const logger = pino({ level: 'silent' });
    return createModelGate({
      breaker: { failures: 3, resetMs: 30_000 },
      callsPerMinute: 3500,
      timeoutMs: 1000,
      budget: createBudget({ usage: store.usage, audit: store.audit, logger, budgetFor: () => 40 }),
      usage: store.usage,
      logger,
      now: () => new Date(Date.now()),
      ...overrides,
    });
  }

  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    store = openSqliteStore({ path: ':memory:' });
    calls = 0;
  });
  afterEach(async () => {
    vi.useRealTimers();
    await store.close();
  });

  it('runs the call with a signal and returns its result', async () => {
    let seen: AbortSignal | undefined;
    const result = await gate().run('t1', async (signal) => {
      seen = signal;
      return 42;
    });
    expect(result).toBe(42);
    expect(seen).toBeInstanceOf(AbortSignal);
  });

  it('turns a provider 500 into provider_error and a 429 into rate_limited', async () => {
    const g = gate();
    const error = await g.run('t1', failing(500)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as ModelUnavailableError).reason).toBe('provider_error');
    expect((error as Error).cause).toMatchObject({ status: 500 });
    expect(await reasonOf(g.run('t1', failing(429)))).toBe('rate_limited');
  });

  it('times out a hanging call and aborts the signal it was given', async () => {
    let aborted = false;
    const pending = reasonOf(
      gate().run(
        't1',
        hang(() => (aborted = true)),
      ),
    );
    await vi.advanceTimersByTimeAsync(999);
    expect(aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toBe('timeout');
    expect(aborted).toBe(true);
  });

  it('times out a call that ignores its signal and never settles', async () => {
    const pending = reasonOf(gate().run('t1', () => new Promise<never>(() => {})));
    await vi.advanceTimersByTimeAsync(1000);
    expect(await pending).toBe('timeout');
  });

  it('opens after consecutive provider errors and timeouts, then refuses without calling', async () => {
    const g = gate();
    expect(await reasonOf(g.run('t1', failing(500)))).toBe('provider_error');
    expect(await reasonOf(g.run('t1', failing(503)))).toBe('provider_error');
    const timedOut = reasonOf(g.run('t1', hang()));
    await vi.advanceTimersByTimeAsync(1000);
    expect(await timedOut).toBe('timeout');
    expect(g.state().circuit).toBe('open');

    const before = calls;
    expect(await reasonOf(g.run('t1', ok))).toBe('circuit_open');
    expect(calls).toBe(before);
  });

  it('tries the provider again after resetMs and closes on success', async () => {
    const g = gate({ breaker: { failures: 1, resetMs: 30_000 } });
    await reasonOf(g.run('t1', failing(500)));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(await reasonOf(g.run('t1', ok))).toBe('circuit_open');
    await vi.advanceTimersByTimeAsync(1);
    expect(await g.run('t1', ok)).toBe('answer');
    expect(g.state().circuit).toBe('closed');
  });

  it('a success in between resets the count: failures must be consecutive', async () => {
    const g = gate({ breaker: { failures: 2, resetMs: 30_000 } });
    await reasonOf(g.run('t1', failing(500)));
    await g.run('t1', ok);
    await reasonOf(g.run('t1', failing(500)));
    expect(g.state().circuit).toBe('closed');
  });

  it('refuses without calling once the tenant budget is spent, other tenants unaffected', async () => {
    const g = gate();
    await g.record('t1', { model: 'gpt-4o-mini', inputTokens: 1, outputTokens: 1, costUsd: 40 });
    expect(await reasonOf(g.run('t1', ok))).toBe('budget_exhausted');
    expect(calls).toBe(0);
    expect(await g.run('t2', ok)).toBe('answer');
    // Budget refusals are ours, not the provider's: the breaker stays closed.
    for (let i = 0; i < 5; i++) await reasonOf(g.run('t1', ok));
    expect(g.state().circuit).toBe('closed');
  });

  it('record meters usage and raises the 80% alert at once', async () => {
    const g = gate();
    await g.record('t1', { model: 'gpt-4o-mini', inputTokens: 10, outputTokens: 5, costUsd: 33 });
    expect(await store.usage.monthToDate('t1', T0)).toBeCloseTo(33);
    const actions = (await store.audit.list('t1')).map((r) => r.action);
    expect(actions).toEqual(['ai_budget.alert']);
  });

  it('fails fast as rate_limited when the queue is longer than the timeout allows', async () => {
    // 2 a minute: one call per 30 s window.
    const g = gate({ callsPerMinute: 2, timeoutMs: 40_000, breaker: { failures: 1, resetMs: 1 } });
    expect(await g.run('t1', ok)).toBe('answer');
    const second = g.run('t1', ok); // waits for the next window, 30 s
    const third = g.run('t1', ok); // would wait 60 s: more than 40 s
    expect(await reasonOf(third)).toBe('rate_limited');
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await second).toBe('answer');
    // Local queueing says nothing about the provider.
    expect(g.state().circuit).toBe('closed');
  });

  it('gives up waiting for a slot after timeoutMs and never makes that call', async () => {
    const g = gate({ callsPerMinute: 2, timeoutMs: 1000 });
    await g.run('t1', ok);
    const queued = reasonOf(g.run('t1', ok));
    await vi.advanceTimersByTimeAsync(1000);
    expect(await queued).toBe('rate_limited');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(1);
  });

  it('rethrows the caller abort as is, without counting it against the provider', async () => {
    const g = gate({ breaker: { failures: 1, resetMs: 30_000 } });
    const controller = new AbortController();
    const pending = g.run('t1', hang(), { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort(new Error('visitor left'));
    const error = await pending;
    expect(isModelUnavailable(error)).toBe(false);
    expect((error as Error).message).toBe('visitor left');
    expect(g.state().circuit).toBe('closed');
  });

  it('recognises its error by name across module copies', () => {
    const copy = Object.assign(new Error('x'), {
      name: 'ModelUnavailableError',
      reason: 'timeout',
    });
    expect(isModelUnavailable(copy)).toBe(true);
    expect(isModelUnavailable(new Error('x'))).toBe(false);
  });
});
