import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/open';
import { createFieldCrypto } from './field-crypto';
import { parseKeyring } from './keyring';
import { rotateKeys, staleCount } from './rotate-keys';

const A = `a:${randomBytes(32).toString('base64')}`;
const B = `b:${randomBytes(32).toString('base64')}`;
const open = (path: string, ring?: string) =>
  openSqliteStore({
    path,
    ...(ring ? { crypto: createFieldCrypto(parseKeyring(ring, 'TEST')) } : {}),
  });

const texts = Array.from({ length: 7 }, (_, i) => `question ${i} about my pay`);

/** A database with one plain (pre-encryption) message and user, then 7 messages and a user on key A. */
async function writtenWithA(): Promise<{ path: string; conversationId: string }> {
  const path = join(mkdtempSync(join(tmpdir(), 'wc-rotate-')), 'w.db');
  const legacy = open(path);
  await legacy.tenants.upsert({ id: 't', name: 'T', allowedOrigins: [], allowLocalhost: false });
  const { id } = await legacy.conversations.create({ tenantId: 't', subject: 'cust-1' });
  const append = (store: ReturnType<typeof open>, text: string) =>
    store.messages.append({
      conversationId: id,
      tenantId: 't',
      role: 'user',
      text,
      citations: [],
      confidence: null,
      responseTimeMs: null,
    });
  await append(legacy, 'plain from before encryption');
  await legacy.users.upsertSeen({
    tenantId: 't',
    subject: 'old',
    email: 'old@example.com',
    name: 'Old',
  });
  await legacy.close();
  const store = open(path, A);
  for (const text of texts) await append(store, text);
  await store.users.upsertSeen({
    tenantId: 't',
    subject: 'cust-1',
    email: 'ana@example.com',
    name: null,
  });
  await store.close();
  return { path, conversationId: id };
}

const keyIdsInFile = (path: string): string[] => {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const values = [
      ...db.prepare('SELECT text FROM messages').pluck().all(),
      ...db.prepare('SELECT email FROM users UNION ALL SELECT name FROM users').pluck().all(),
    ].filter((v): v is string => typeof v === 'string');
    return [
      ...new Set(values.map((v) => (v.startsWith('enc:v1:') ? (v.split(':')[2] ?? '?') : 'plain'))),
    ].sort();
  } finally {
    db.close();
  }
};

describe('wagechat keys rotate', () => {
  it('moves every value to the new key; reads work, also once the old key is removed', async () => {
    const { path, conversationId } = await writtenWithA();
    expect(keyIdsInFile(path)).toEqual(['a', 'plain']);
    const store = open(path, `${B},${A}`);
    const result = await rotateKeys(store, { batch: 3 });
    // Rows: 8 messages and 2 users (11 values: one user has no name).
    expect(result).toMatchObject({ activeKeyId: 'b', complete: true, rotated: 10 });
    // 8 messages in batches of 3, then the 2 users: 3 + 1.
    expect(result.batches).toBe(4);
    expect(staleCount(result.before, 'b')).toBe(11);
    expect(staleCount(result.after, 'b')).toBe(0);
    expect(keyIdsInFile(path)).toEqual(['b']);
    const audit = (await store.audit.list('*')).filter((r) => r.action === 'keys.rotate');
    expect(audit.map((r) => r.details.phase).sort()).toEqual(['finished', 'started']);
    expect(JSON.stringify(audit)).not.toContain('pay');
    expect(await store.audit.verify()).toBeNull();
    await store.close();

    const onlyB = open(path, B);
    expect((await onlyB.messages.list('t', conversationId)).map((m) => m.text)).toEqual([
      'plain from before encryption',
      ...texts,
    ]);
    expect(await onlyB.users.get('t', 'old')).toMatchObject({
      email: 'old@example.com',
      name: 'Old',
    });
    expect((await onlyB.users.get('t', 'cust-1'))?.email).toBe('ana@example.com');
    // Nothing left to do: a rerun rewrites nothing.
    expect(await rotateKeys(onlyB)).toMatchObject({ rotated: 0, complete: true });
    await onlyB.close();
  });

  it('resumes an interrupted run where it stopped', async () => {
    const { path, conversationId } = await writtenWithA();
    const first = open(path, `${B},${A}`);
    const stopped = await rotateKeys(first, { batch: 2, maxBatches: 2 });
    expect(stopped).toMatchObject({ complete: false, rotated: 4, batches: 2 });
    expect(staleCount(stopped.after, 'b')).toBe(7);
    await first.close();

    const second = open(path, `${B},${A}`);
    const resumed = await rotateKeys(second, { batch: 2 });
    expect(resumed).toMatchObject({ complete: true, rotated: 6 });
    expect(keyIdsInFile(path)).toEqual(['b']);
    expect(await second.messages.list('t', conversationId)).toHaveLength(8);
    await second.close();
  });

  it('stops with a clear error, audited, when a value uses a key no longer in the ring', async () => {
    const { path } = await writtenWithA();
    const store = open(path, B);
    await expect(rotateKeys(store)).rejects.toMatchObject({ code: 'internal' });
    const [last] = await store.audit.list('*');
    // The failing batch rolled back as a whole: the plain row in it is still plain.
    expect(last?.details).toMatchObject({ phase: 'stopped', rotated: 0 });
    expect(keyIdsInFile(path)).toEqual(['a', 'plain']);
    await store.close();
  });
});
