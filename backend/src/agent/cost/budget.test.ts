import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../store/sqlite/open';
import type { Store } from '../../store/types';
import { createBudget } from './budget';

const MARCH = new Date('2026-03-15T10:00:00Z');
const APRIL = new Date('2026-04-01T00:00:01Z');

function spend(store: Store, tenantId: string, costUsd: number, at = MARCH) {
  return store.usage.add(
    tenantId,
    { model: 'gpt-4o-mini', inputTokens: 1, outputTokens: 1, costUsd },
    at,
  );
}

describe('monthly AI budget', () => {
  let store: Store;
  let logs: Array<Record<string, unknown>>;
  let budget: ReturnType<typeof createBudget>;
  beforeEach(() => {
    store = openSqliteStore({ path: ':memory:' });
    logs = [];
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => logs.push(JSON.parse(line)) },
    );
    budget = createBudget({
      usage: store.usage,
      audit: store.audit,
      logger,
      budgetFor: (tenantId) => (tenantId === 'big' ? 100 : 40),
    });
  });
  afterEach(() => store.close());

  const alerts = async (tenantId: string) =>
    (await store.audit.list(tenantId)).filter((r) => r.action === 'ai_budget.alert');

  it('is ok under 80% and says nothing', async () => {
    await spend(store, 't1', 31.99);
    expect(await budget.check('t1', MARCH)).toEqual({
      state: 'ok',
      spentUsd: 31.99,
      budgetUsd: 40,
    });
    expect(logs).toHaveLength(0);
    expect(await alerts('t1')).toHaveLength(0);
  });

  it('alerts once per tenant and month at 80%: one warn, one audit event', async () => {
    await spend(store, 't1', 32);
    expect((await budget.check('t1', MARCH)).state).toBe('alert');
    await spend(store, 't1', 1);
    expect((await budget.check('t1', MARCH)).state).toBe('alert');
    const events = await alerts('t1');
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toEqual({
      threshold_pct: 80,
      month: '2026-03',
      spent_usd: 32,
      budget_usd: 40,
    });
    expect(events[0]?.actorType).toBe('system');
    expect(logs.filter((l) => l.level === 40)).toHaveLength(1);
  });

  it('does not alert twice across processes sharing the database', async () => {
    await spend(store, 't1', 35);
    await budget.check('t1', MARCH);
    const otherProcess = createBudget({
      usage: store.usage,
      audit: store.audit,
      logger: pino({ level: 'silent' }),
      budgetFor: () => 40,
    });
    await otherProcess.check('t1', MARCH);
    expect(await alerts('t1')).toHaveLength(1);
  });

  it('is exhausted at 100%, with the 80% and the 100% notices', async () => {
    await spend(store, 't1', 40);
    expect(await budget.check('t1', MARCH)).toMatchObject({ state: 'exhausted', spentUsd: 40 });
    const levels = (await alerts('t1')).map((r) => r.details.threshold_pct).sort();
    expect(levels).toEqual([100, 80]);
  });

  it('starts again in a new month', async () => {
    await spend(store, 't1', 45);
    expect((await budget.check('t1', MARCH)).state).toBe('exhausted');
    expect(await budget.check('t1', APRIL)).toEqual({ state: 'ok', spentUsd: 0, budgetUsd: 40 });
  });

  it('uses each tenant its own budget and spending', async () => {
    await spend(store, 'big', 45);
    await spend(store, 't1', 10);
    expect((await budget.check('big', MARCH)).state).toBe('ok');
    expect((await budget.check('t1', MARCH)).state).toBe('ok');
  });

  it('treats a zero budget as no model spending at all', async () => {
    const none = createBudget({
      usage: store.usage,
      audit: store.audit,
      logger: pino({ level: 'silent' }),
      budgetFor: () => 0,
    });
    expect((await none.check('t1', MARCH)).state).toBe('exhausted');
  });

  it('never logs message text: only tenant and amounts', async () => {
    await spend(store, 't1', 33);
    await budget.check('t1', MARCH);
    const warn = logs.find((l) => l.level === 40);
    expect(warn?.level).toBe(40);
    expect(Object.keys(warn ?? {}).sort()).toEqual(
      [
        'budget_usd',
        'hostname',
        'level',
        'month',
        'msg',
        'pid',
        'spent_usd',
        'tenantId',
        'threshold_pct',
        'time',
      ].sort(),
    );
  });
});
