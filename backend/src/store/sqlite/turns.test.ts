import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEvent, Store, TurnRecord } from '../types';
import { openSqliteStore } from './open';

async function storeWithThread(): Promise<{ store: Store; conversationId: string }> {
  const store = openSqliteStore({ path: join(mkdtempSync(join(tmpdir(), 'wc-turn-')), 'w.db') });
  await store.tenants.upsert({ id: 't', name: 'T', allowedOrigins: [], allowLocalhost: false });
  const { id } = await store.conversations.create({ tenantId: 't', subject: 'visitor-1' });
  return { store, conversationId: id };
}

const audit = (conversationId: string): AuditEvent => ({
  tenantId: 't',
  actorType: 'visitor',
  actorId: 'visitor-1',
  action: 'chat.message',
  resourceType: 'conversation',
  resourceId: conversationId,
  details: { outcome: 'handed_over' },
  ip: null,
  userAgent: null,
});

const turn = (conversationId: string, extra: Partial<TurnRecord> = {}): TurnRecord => ({
  answer: {
    id: '00000000-0000-4000-8000-000000000001',
    conversationId,
    tenantId: 't',
    role: 'assistant',
    text: 'A person will follow up.',
    citations: [],
    confidence: 0.2,
    responseTimeMs: 12,
  },
  status: 'escalation_pending',
  audit: audit(conversationId),
  ...extra,
});

describe('the turn repository', () => {
  it('writes the answer, the status change and the audit record together', async () => {
    const { store, conversationId } = await storeWithThread();
    const stored = await store.turns.record(turn(conversationId));
    expect(stored.id).toBe('00000000-0000-4000-8000-000000000001');
    expect((await store.messages.list('t', conversationId)).map((m) => m.text)).toEqual([
      'A person will follow up.',
    ]);
    expect((await store.conversations.get('t', conversationId))?.status).toBe('escalation_pending');
    const [record] = await store.audit.list('t');
    expect(record).toMatchObject({ action: 'chat.message', resourceId: conversationId });
    expect(await store.audit.verify()).toBeNull();
    await store.close();
  });

  it('leaves nothing behind when any part of the turn fails', async () => {
    const { store, conversationId } = await storeWithThread();
    const failing = turn(conversationId, {
      extraWrites: [
        () => {
          throw new Error('outbox insert failed');
        },
      ],
    });
    await expect(store.turns.record(failing)).rejects.toThrow('outbox insert failed');
    expect(await store.messages.list('t', conversationId)).toEqual([]);
    expect((await store.conversations.get('t', conversationId))?.status).toBe('active');
    expect(await store.audit.list('t')).toEqual([]);
    // The chain still verifies and the next turn goes through.
    await store.turns.record(turn(conversationId, { status: null }));
    expect(await store.audit.list('t')).toHaveLength(1);
    expect((await store.conversations.get('t', conversationId))?.status).toBe('active');
    expect(await store.audit.verify()).toBeNull();
    await store.close();
  });
});
