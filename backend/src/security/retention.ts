/**
 * Retention: chat messages (and the threads they leave empty) older than `retentionDays` are
 * deleted, a batch at a time, and every run is recorded in the audit chain. The chain itself is
 * never pruned, so the deletion is provable and verification stays intact.
 */
import type { Logger } from 'pino';
import type { Store } from '../store/types';

/** Rows deleted per transaction; small enough that chat writes never wait long. */
export const RETENTION_BATCH = 500;
/** How often the server runs the job after its start-up run. */
export const RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** What a run needs: the store, the period, and a clock (tests pass a fixed one). */
export interface RetentionOptions {
  store: Pick<Store, 'retention' | 'audit'>;
  retentionDays: number;
  now?: () => Date;
  batchSize?: number;
}

/** What one run deleted, in total and per tenant, and the cutoff it used. */
export interface RetentionResult {
  cutoff: string;
  messages: number;
  conversations: number;
  batches: number;
  byTenant: Record<string, { messages: number; conversations: number }>;
}

/** Deletes everything past the cutoff and appends `retention.purge` records (one per tenant touched, one summary). */
export async function runRetention(options: RetentionOptions): Promise<RetentionResult> {
  const now = options.now ?? (() => new Date());
  const limit = options.batchSize ?? RETENTION_BATCH;
  const cutoff = new Date(now().getTime() - options.retentionDays * 86_400_000).toISOString();
  const byTenant: RetentionResult['byTenant'] = {};
  let batches = 0;
  for (;;) {
    const counts = await options.store.retention.purgeBatch(cutoff, limit);
    batches += 1;
    let messages = 0;
    let conversations = 0;
    for (const [tenant, c] of Object.entries(counts)) {
      byTenant[tenant] ??= { messages: 0, conversations: 0 };
      const total = byTenant[tenant];
      total.messages += c.messages;
      total.conversations += c.conversations;
      messages += c.messages;
      conversations += c.conversations;
    }
    if (messages < limit && conversations < limit) break;
    // Let requests in between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const totals = Object.values(byTenant);
  const result: RetentionResult = {
    cutoff,
    messages: totals.reduce((n, t) => n + t.messages, 0),
    conversations: totals.reduce((n, t) => n + t.conversations, 0),
    batches,
    byTenant,
  };
  const record = (tenantId: string, details: Record<string, unknown>) =>
    options.store.audit.append({
      tenantId,
      actorType: 'system',
      actorId: 'retention',
      action: 'retention.purge',
      resourceType: 'tenant',
      resourceId: tenantId,
      details: { cutoff, retention_days: options.retentionDays, ...details },
      ip: null,
      userAgent: null,
    });
  // Each tenant's admins see their own deletions; the '*' record proves every run happened.
  for (const [tenantId, counts] of Object.entries(byTenant)) await record(tenantId, counts);
  await record('*', {
    messages: result.messages,
    conversations: result.conversations,
    tenants: Object.keys(byTenant).length,
    batches,
  });
  return result;
}

/** The server's running schedule. */
export interface RetentionSchedule {
  /** Stops the timer and waits for a run in progress, so the store can close after it. */
  stop(): Promise<void>;
}

/**
 * Runs the job now and then every `intervalMs`. The timer is unref'd: it never keeps the
 * process alive. A failed run is logged and retried at the next tick.
 */
export function scheduleRetention(
  options: RetentionOptions & { logger: Logger; intervalMs?: number },
): RetentionSchedule {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = running.then(async () => {
      try {
        const r = await runRetention(options);
        options.logger.info(
          { cutoff: r.cutoff, messages: r.messages, conversations: r.conversations },
          'retention run finished',
        );
      } catch (err) {
        options.logger.error({ err }, 'retention run failed');
      }
    });
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? RETENTION_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
