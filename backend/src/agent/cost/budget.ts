/**
 * The monthly AI budget per tenant (§9 of the design document: $40 a month by default).
 * At 80% the operators are told once a month (a warn log and an `ai_budget.alert` audit
 * event); at 100% the model gate refuses model calls and the agent answers offline.
 */
import type { Logger } from 'pino';
import type { AuditRepository, UsageRepository } from '../../store/types';

export type BudgetState = 'ok' | 'alert' | 'exhausted';

export interface BudgetStatus {
  state: BudgetState;
  spentUsd: number;
  budgetUsd: number;
}

export interface Budget {
  /** Where the tenant stands this (UTC) month; sends the 80% / 100% notices once per month. */
  check(tenantId: string, now: Date): Promise<BudgetStatus>;
}

export interface BudgetOptions {
  usage: UsageRepository;
  audit: Pick<AuditRepository, 'append'>;
  logger: Logger;
  /** USD per month for a tenant: `config.aiBudgetUsd` until tenants carry their own. */
  budgetFor: (tenantId: string) => number | Promise<number>;
  /** Share of the budget that raises the alert. */
  alertRatio?: number;
}

const ALERT_LEVEL = 80;
const EXHAUSTED_LEVEL = 100;

/**
 * @example const budget = createBudget({ usage: store.usage, audit: store.audit, logger,
 *   budgetFor: () => config.aiBudgetUsd })
 */
export function createBudget(options: BudgetOptions): Budget {
  const alertRatio = options.alertRatio ?? ALERT_LEVEL / 100;
  // Notices this process has seen sent: spares a write per model call past 80%.
  const sent = new Set<string>();

  async function notify(tenantId: string, now: Date, level: number, status: BudgetStatus) {
    const month = now.toISOString().slice(0, 7);
    const key = `${tenantId}|${month}|${level}`;
    if (sent.has(key)) return;
    sent.add(key);
    // markAlert is the once-per-month latch across processes and concurrent turns.
    if (!(await options.usage.markAlert(tenantId, month, level))) return;
    // Not `level`: that key would overwrite pino's own log level in the line.
    const facts = {
      threshold_pct: level,
      month,
      spent_usd: Math.round(status.spentUsd * 100) / 100,
      budget_usd: status.budgetUsd,
    };
    options.logger.warn({ tenantId, ...facts }, 'AI budget alert');
    await options.audit.append({
      tenantId,
      actorType: 'system',
      actorId: 'ai-budget',
      action: 'ai_budget.alert',
      resourceType: 'tenant',
      resourceId: tenantId,
      details: facts,
      ip: null,
      userAgent: null,
    });
  }

  return {
    async check(tenantId, now) {
      const [spentUsd, budgetUsd] = await Promise.all([
        options.usage.monthToDate(tenantId, now),
        options.budgetFor(tenantId),
      ]);
      // A budget of 0 means "no model spending", not "divide by zero".
      const ratio = budgetUsd > 0 ? spentUsd / budgetUsd : Number.POSITIVE_INFINITY;
      const state: BudgetState = ratio >= 1 ? 'exhausted' : ratio >= alertRatio ? 'alert' : 'ok';
      const status = { state, spentUsd, budgetUsd };
      // The 80% notice also goes out when one expensive call jumps straight past 100%.
      if (state !== 'ok') await notify(tenantId, now, ALERT_LEVEL, status);
      if (state === 'exhausted') await notify(tenantId, now, EXHAUSTED_LEVEL, status);
      return status;
    },
  };
}
