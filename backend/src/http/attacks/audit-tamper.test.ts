/**
 * Attack: someone with the database file drops the append-only triggers and edits, inserts and
 * deletes audit records. `verifyAll` (and `wagechat audit verify`) must name each one.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { auditVerifyCommand } from '../../cli/audit-verify';
import { chainHash } from '../../security/audit-chain';
import { type ChainRow, chainFields } from '../../store/sqlite/audit-verify';
import { openSqliteStore } from '../../store/sqlite/open';

/** A store file with `n` records over two tenants; closed, so the test can open it raw. */
async function chainOf(n: number): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'wagechat-tamper-')), 'wagechat.db');
  const store = openSqliteStore({ path });
  for (let i = 1; i <= n; i += 1) {
    await store.audit.append({
      tenantId: i % 2 ? 'acme' : 'globex',
      actorType: 'admin',
      actorId: `admin-${i}`,
      action: 'document.read',
      resourceType: 'document',
      resourceId: `doc-${i}`,
      details: { n: i },
      ip: null,
      userAgent: null,
    });
  }
  await store.close();
  return path;
}

/** Opens the file the way an attacker would: raw, triggers gone. */
function tamper(path: string, attack: (db: BetterSqlite3.Database) => void) {
  const db = new BetterSqlite3(path);
  db.exec('DROP TRIGGER audit_logs_no_update; DROP TRIGGER audit_logs_no_delete;');
  attack(db);
  db.close();
}

const row = (db: BetterSqlite3.Database, id: number) =>
  db.prepare<[number], ChainRow>('SELECT * FROM audit_logs WHERE id = ?').get(id)!;

const problemsOf = async (path: string) => {
  const store = openSqliteStore({ path });
  try {
    return {
      all: await store.audit.verifyAll(),
      first: await store.audit.verify(),
      store,
    };
  } finally {
    await store.close();
  }
};

const summary = (all: Array<{ kind: string; id: number; throughId: number }>) =>
  all.map((p) => `${p.kind} ${p.id}${p.throughId === p.id ? '' : `..${p.throughId}`}`);

describe('audit tampering', () => {
  it('finds nothing in an untouched chain', async () => {
    const { all, first } = await problemsOf(await chainOf(5));
    expect(all).toEqual([]);
    expect(first).toBeNull();
  });

  it('names an edited, a deleted and two inserted records in one pass', async () => {
    const path = await chainOf(12);
    tamper(path, (db) => {
      // Edit: a record's details changed, hash left alone.
      db.prepare(`UPDATE audit_logs SET details = '{"n":999}' WHERE id = 3`).run();
      // Delete a record in the middle.
      db.prepare('DELETE FROM audit_logs WHERE id = 6').run();
      // Insert between 9 and 10: move the later ids up one and forge a record that chains
      // from 9 with a correctly computed hash.
      db.exec('UPDATE audit_logs SET id = -id WHERE id > 9');
      db.exec('UPDATE audit_logs SET id = -id + 1 WHERE id < 0');
      const nine = row(db, 9);
      const forged: ChainRow = { ...nine, id: 10, actor_id: 'intruder', details: '{}' };
      forged.prev_hash = nine.hash;
      forged.hash = chainHash(nine.hash, chainFields(forged));
      db.prepare(
        `INSERT INTO audit_logs VALUES (@id, @tenant_id, @actor_type, @actor_id, @action, @resource_type, @resource_id, @details, @ip, @user_agent, @prev_hash, @hash, @created_at)`,
      ).run(forged);
      // Insert at the tail without knowing how to chain: made-up hashes.
      db.prepare(
        `INSERT INTO audit_logs (tenant_id, actor_type, actor_id, action, details, prev_hash, hash, created_at)
         VALUES ('acme', 'admin', 'intruder', 'audit.export', '{}', ?, ?, ?)`,
      ).run('a'.repeat(64), 'b'.repeat(64), new Date().toISOString());
    });
    const { all, first } = await problemsOf(path);
    expect(summary(all)).toEqual(['edited 3', 'deleted 6', 'inserted 10', 'inserted 14']);
    expect(all[0]).toMatchObject({ tenantId: 'acme' });
    expect(all[1]).toMatchObject({ tenantId: null });
    expect(first).toBe(3);

    const lines: string[] = [];
    const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    const store = openSqliteStore({ path });
    expect(await auditVerifyCommand(store.audit, undefined, out)).toBe(1);
    // Tenant globex owns none of the edited or inserted records (acme does): only the deletion shows.
    const globex: string[] = [];
    const code = await auditVerifyCommand(store.audit, 'globex', {
      log: (l) => globex.push(l),
      error: (l) => globex.push(l),
    });
    await store.close();
    expect(lines.slice(0, 4)).toEqual([
      expect.stringMatching(/^EDITED record 3 \(tenant acme\)/),
      expect.stringMatching(/^DELETED record 6:/),
      expect.stringMatching(/^INSERTED record 10 \(tenant acme\)/),
      expect.stringMatching(/^INSERTED record 14 \(tenant acme\)/),
    ]);
    expect(lines[4]).toMatch(/TAMPERED: 4 problem/);
    expect(code).toBe(1);
    expect(globex[0]).toMatch(/^DELETED record 6:/);
    expect(globex).toHaveLength(2);
  });

  it('names a record edited and re-hashed by the one after it', async () => {
    const path = await chainOf(6);
    tamper(path, (db) => {
      const four = row(db, 4);
      const edited = { ...four, actor_id: 'someone-else' };
      edited.hash = chainHash(four.prev_hash, chainFields(edited));
      db.prepare('UPDATE audit_logs SET actor_id = ?, hash = ? WHERE id = 4').run(
        edited.actor_id,
        edited.hash,
      );
    });
    expect(summary((await problemsOf(path)).all)).toEqual(['edited 4']);
  });

  it('names records deleted from the tail and a range deleted from the middle', async () => {
    const path = await chainOf(10);
    tamper(path, (db) => {
      db.prepare('DELETE FROM audit_logs WHERE id BETWEEN 4 AND 6').run();
      db.prepare('DELETE FROM audit_logs WHERE id >= 9').run();
    });
    expect(summary((await problemsOf(path)).all)).toEqual(['deleted 4..6', 'deleted 9..10']);
  });

  it('reports an intact chain with exit code 0 and the count', async () => {
    const store = openSqliteStore({ path: await chainOf(7) });
    const lines: string[] = [];
    const code = await auditVerifyCommand(store.audit, undefined, {
      log: (l) => lines.push(l),
      error: (l) => lines.push(l),
    });
    await store.close();
    expect(code).toBe(0);
    expect(lines).toEqual(['Audit chain intact: 7 records checked.']);
  });
});
