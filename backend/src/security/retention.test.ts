import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from '../store/sqlite/open';
import type { Store } from '../store/types';
import { RETENTION_INTERVAL_MS, runRetention, scheduleRetention } from './retention';

const DAY = 86_400_000;
const NOW = new Date('2026-06-01T12:00:00Z');

let store: Store;
beforeEach(async () => {
  store = openSqliteStore({ path: ':memory:' });
  for (const id of ['acme', 'globex']) {
    await store.tenants.upsert({ id, name: id, allowedOrigins: [], allowLocalhost: false });
  }
});
afterEach(async () => {
  vi.useRealTimers();
  await store.close();
});

/** A thread with `n` messages written `daysAgo` before NOW (the repositories stamp Date()). */
async function threadAt(tenantId: string, daysAgo: number, n = 2) {
  vi.useFakeTimers({ now: NOW.getTime() - daysAgo * DAY, toFake: ['Date'] });
  const c = await store.conversations.create({ tenantId, subject: `visitor_${daysAgo}` });
  for (let i = 0; i < n; i += 1) {
    await store.messages.append({
      conversationId: c.id,
      tenantId,
      role: i % 2 ? 'assistant' : 'user',
      text: `message ${i}`,
      citations: [],
      confidence: null,
      responseTimeMs: null,
    });
  }
  vi.useRealTimers();
  return c;
}

describe('runRetention', () => {
  it('deletes messages and emptied threads past the cutoff, in batches, and audits the run', async () => {
    const old1 = await threadAt('acme', 120, 3);
    const old2 = await threadAt('globex', 91, 4);
    const fresh = await threadAt('acme', 10, 2);
    const edge = await threadAt('acme', 89, 1);
    await store.documents.beginVersion({
      tenantId: 'acme',
      filename: 'handbook.pdf',
      title: 'Handbook',
      sha256: 'f'.repeat(64),
      sizeBytes: 10,
      blobKey: 'acme/handbook',
    });

    const result = await runRetention({ store, retentionDays: 90, now: () => NOW, batchSize: 2 });

    expect(result).toMatchObject({
      cutoff: new Date(NOW.getTime() - 90 * DAY).toISOString(),
      messages: 7,
      conversations: 2,
      byTenant: {
        acme: { messages: 3, conversations: 1 },
        globex: { messages: 4, conversations: 1 },
      },
    });
    expect(result.batches).toBeGreaterThanOrEqual(4);
    expect(await store.conversations.get('acme', old1.id)).toBeNull();
    expect(await store.conversations.get('globex', old2.id)).toBeNull();
    expect(await store.messages.list('acme', fresh.id)).toHaveLength(2);
    expect(await store.messages.list('acme', edge.id)).toHaveLength(1);
    // Knowledge-base documents are never retention's to delete.
    expect(await store.documents.list('acme')).toHaveLength(1);

    const [acme] = await store.audit.list('acme');
    expect(acme).toMatchObject({
      actorType: 'system',
      action: 'retention.purge',
      details: { cutoff: result.cutoff, retention_days: 90, messages: 3, conversations: 1 },
    });
    const [summary] = await store.audit.list('*');
    expect(summary).toMatchObject({
      action: 'retention.purge',
      details: { messages: 7, conversations: 2, tenants: 2 },
    });
    expect(await store.audit.verifyAll()).toEqual([]);
  });

  it('records a run that found nothing, so every run is on the record', async () => {
    await threadAt('acme', 5);
    const result = await runRetention({ store, retentionDays: 90, now: () => NOW });
    expect(result).toMatchObject({ messages: 0, conversations: 0, batches: 1 });
    expect(await store.audit.list('acme')).toHaveLength(0);
    expect((await store.audit.list('*'))[0]).toMatchObject({ details: { messages: 0 } });
  });

  it('follows the configured period', async () => {
    const c = await threadAt('acme', 8);
    await runRetention({ store, retentionDays: 7, now: () => NOW });
    expect(await store.conversations.get('acme', c.id)).toBeNull();
  });
});

describe('scheduleRetention', () => {
  it('runs at start, then once a day, and stops cleanly', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['setInterval', 'clearInterval', 'Date'] });
    const schedule = scheduleRetention({
      store,
      retentionDays: 90,
      logger: pino({ level: 'silent' }),
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(await store.audit.list('*')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(RETENTION_INTERVAL_MS);
    expect(await store.audit.list('*')).toHaveLength(2);
    await schedule.stop();
    await vi.advanceTimersByTimeAsync(3 * RETENTION_INTERVAL_MS);
    expect(await store.audit.list('*')).toHaveLength(2);
  });

  it('logs a failed run and keeps the schedule', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['setInterval', 'clearInterval', 'Date'] });
    const errors: unknown[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => errors.push(line) });
    let calls = 0;
    const schedule = scheduleRetention({
      store: {
        audit: store.audit,
        retention: {
          async purgeBatch() {
            calls += 1;
            if (calls === 1) throw new Error('disk full');
            return {};
          },
        },
      },
      retentionDays: 90,
      logger,
    });
    await vi.advanceTimersByTimeAsync(RETENTION_INTERVAL_MS + 1000);
    await schedule.stop();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
    expect(await store.audit.list('*')).toHaveLength(1);
  });
});
