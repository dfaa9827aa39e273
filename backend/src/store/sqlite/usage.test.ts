import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelUsage } from '../../agent/types';
import { applyMigrations } from './apply-migrations';
import { sqliteMigrations } from './migrations';
import { createSqliteUsageRepository, prepareAddUsage, usageMonth } from './usage';

const call = (costUsd: number, model = 'gpt-4o-mini'): ModelUsage => ({
  model,
  inputTokens: 1000,
  outputTokens: 200,
  costUsd,
});

describe('SQLite usage repository', () => {
  let db: BetterSqlite3.Database;
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    applyMigrations(db, sqliteMigrations);
  });
  afterEach(() => db.close());

  it('sums a tenant month across calls and models, apart from other months and tenants', async () => {
    const usage = createSqliteUsageRepository(db);
    const march = new Date('2026-03-31T23:59:00Z');
    await usage.add('t1', call(0.5), march);
    await usage.add('t1', call(0.25), march);
    await usage.add('t1', call(1, 'gpt-4o'), march);
    await usage.add('t1', call(7), new Date('2026-04-01T00:00:00Z'));
    await usage.add('t2', call(9), march);
    expect(await usage.monthToDate('t1', new Date('2026-03-02T00:00:00Z'))).toBeCloseTo(1.75);
    expect(await usage.monthToDate('t1', new Date('2026-04-15T00:00:00Z'))).toBeCloseTo(7);
    expect(await usage.monthToDate('t3', march)).toBe(0);
    const row = db
      .prepare("SELECT * FROM model_usage WHERE tenant_id = 't1' AND model = 'gpt-4o-mini'")
      .get() as { calls: number; input_tokens: number; output_tokens: number; month: string };
    expect(row).toMatchObject({
      calls: 2,
      input_tokens: 2000,
      output_tokens: 400,
      month: '2026-03',
    });
  });

  it('marks an alert level once per tenant and month', async () => {
    const usage = createSqliteUsageRepository(db);
    expect(await usage.markAlert('t1', '2026-03', 80)).toBe(true);
    expect(await usage.markAlert('t1', '2026-03', 80)).toBe(false);
    expect(await usage.markAlert('t1', '2026-03', 100)).toBe(true);
    expect(await usage.markAlert('t1', '2026-04', 80)).toBe(true);
    expect(await usage.markAlert('t2', '2026-03', 80)).toBe(true);
  });

  it('adds usage inside a caller transaction that rolls back with it', async () => {
    const usage = createSqliteUsageRepository(db);
    const addUsage = prepareAddUsage(db);
    const at = new Date('2026-03-10T12:00:00Z');
    expect(() =>
      db.transaction(() => {
        addUsage('t1', call(2), at);
        throw new Error('the answer failed to store');
      })(),
    ).toThrow('the answer failed to store');
    expect(await usage.monthToDate('t1', at)).toBe(0);
    db.transaction(() => addUsage('t1', call(2), at))();
    expect(await usage.monthToDate('t1', at)).toBeCloseTo(2);
    db.transaction(() => usage.write('t1', call(1), at)())();
    expect(await usage.monthToDate('t1', at)).toBeCloseTo(3);
  });

  it('counts months in UTC', () => {
    expect(usageMonth(new Date('2026-02-28T23:30:00-05:00'))).toBe('2026-03');
  });
});
