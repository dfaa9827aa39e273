import type { Database } from 'better-sqlite3';
import type { ModelUsage } from '../../agent/types';
import type { UsageRepository } from '../types';

/** The UTC month of `at` as 'YYYY-MM', the unit the AI budget is counted in. */
export function usageMonth(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** Adds one model call's usage; synchronous, so it can run inside a `db.transaction()`. */
export type AddUsageSync = (tenantId: string, usage: ModelUsage, at: Date) => void;

/**
 * Prepares the usage upsert on `db`. run-turn can call the result inside the same
 * better-sqlite3 transaction that stores the answer, so a turn and what it cost commit
 * together (the async repository method cannot join a synchronous transaction).
 * @example const addUsage = prepareAddUsage(db); db.transaction(() => { ...; addUsage(t, u, now) })()
 */
export function prepareAddUsage(db: Database): AddUsageSync {
  const upsert = db.prepare(
    `INSERT INTO model_usage (tenant_id, month, model, input_tokens, output_tokens, cost_usd, calls, updated_at)
     VALUES (@tenantId, @month, @model, @input, @output, @cost, 1, @at)
     ON CONFLICT(tenant_id, month, model) DO UPDATE SET
       input_tokens = input_tokens + excluded.input_tokens,
       output_tokens = output_tokens + excluded.output_tokens,
       cost_usd = cost_usd + excluded.cost_usd,
       calls = calls + 1,
       updated_at = excluded.updated_at`,
  );
  return (tenantId, usage, at) => {
    upsert.run({
      tenantId,
      month: usageMonth(at),
      model: usage.model,
      input: usage.inputTokens,
      output: usage.outputTokens,
      cost: usage.costUsd,
      at: at.toISOString(),
    });
  };
}

/** The model usage meter on SQLite (tables of migration 4). */
export function createSqliteUsageRepository(db: Database): UsageRepository {
  const addUsage = prepareAddUsage(db);
  const spent = db.prepare<[string, string], { total: number | null }>(
    'SELECT SUM(cost_usd) AS total FROM model_usage WHERE tenant_id = ? AND month = ?',
  );
  const alert = db.prepare(
    'INSERT OR IGNORE INTO model_usage_alerts (tenant_id, month, level, created_at) VALUES (?, ?, ?, ?)',
  );
  return {
    async add(tenantId, usage, at) {
      addUsage(tenantId, usage, at);
    },
    write(tenantId, usage, at) {
      return () => addUsage(tenantId, usage, at);
    },
    async monthToDate(tenantId, at) {
      return spent.get(tenantId, usageMonth(at))?.total ?? 0;
    },
    async markAlert(tenantId, month, level) {
      // The primary key makes this atomic: two turns crossing 80% at once alert once.
      return alert.run(tenantId, month, level, new Date().toISOString()).changes === 1;
    },
  };
}
