import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from './apply-migrations';
import { sqliteMigrations } from './migrations';
import { openSqliteStore } from './open';

const fresh = () =>
  openSqliteStore({ path: join(mkdtempSync(join(tmpdir(), 'wc-store-')), 'w.db') });

describe('openSqliteStore', () => {
  it('creates the schema in WAL mode and re-opens without re-running migrations', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wc-store-')), 'nested', 'w.db');
    const store = openSqliteStore({ path });
    await store.tenants.upsert({
      id: 'demo',
      name: 'Demo',
      allowedOrigins: [],
      allowLocalhost: true,
    });
    await store.close();
    const db = new BetterSqlite3(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(applyMigrations(db, sqliteMigrations)).toEqual([]);
    db.close();
    const again = openSqliteStore({ path });
    expect(await again.tenants.get('demo')).toMatchObject({ name: 'Demo', allowLocalhost: true });
    await again.close();
  });

  it('keeps a thread in order and returns only the newest N when asked', async () => {
    const store = fresh();
    await store.tenants.upsert({ id: 't', name: 'T', allowedOrigins: [], allowLocalhost: false });
    const convo = await store.conversations.create({ tenantId: 't', subject: 'visitor-1' });
    for (let i = 1; i <= 5; i++) {
      await store.messages.append({
        conversationId: convo.id,
        tenantId: 't',
        role: i % 2 ? 'user' : 'assistant',
        text: `m${i}`,
        citations: i === 2 ? [{ document_id: 'd', title: 'Doc', page: 3, snippet: 's' }] : [],
        confidence: null,
        responseTimeMs: null,
      });
    }
    expect((await store.messages.list('t', convo.id)).map((m) => m.text)).toEqual([
      'm1',
      'm2',
      'm3',
      'm4',
      'm5',
    ]);
    expect((await store.messages.list('t', convo.id, 2)).map((m) => m.text)).toEqual(['m4', 'm5']);
    expect((await store.messages.list('t', convo.id))[1]?.citations[0]?.page).toBe(3);
    expect(await store.messages.list('other-tenant', convo.id)).toEqual([]);
    expect(await store.conversations.get('other-tenant', convo.id)).toBeNull();
    await store.close();
  });

  it('chains audit records and detects tampering', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wc-audit-')), 'w.db');
    const store = openSqliteStore({ path });
    const base = {
      tenantId: 't',
      actorType: 'visitor',
      actorId: 's1',
      resourceType: 'conversation',
      resourceId: 'c1',
      ip: null,
      userAgent: null,
    } as const;
    const first = await store.audit.append({ ...base, action: 'chat.message', details: { n: 1 } });
    const second = await store.audit.append({ ...base, action: 'chat.message', details: { n: 2 } });
    expect(second.prevHash).toBe(first.hash);
    expect(await store.audit.verify()).toBeNull();
    await store.close();

    const db = new BetterSqlite3(path);
    expect(() =>
      db.prepare('UPDATE audit_logs SET details = ? WHERE id = ?').run('{"n":9}', first.id),
    ).toThrow(/append-only/);
    // Someone with file access drops the triggers and edits a record: verify must point at it.
    db.exec('DROP TRIGGER audit_logs_no_update');
    db.prepare('UPDATE audit_logs SET details = ? WHERE id = ?').run('{"n":9}', first.id);
    db.close();
    const reopened = openSqliteStore({ path });
    expect(await reopened.audit.verify()).toBe(first.id);
    await reopened.close();
  });
});
