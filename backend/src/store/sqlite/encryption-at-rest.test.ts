import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../../security/field-crypto';
import { parseKeyring } from '../../security/keyring';
import type { Store } from '../types';
import { openSqliteStore } from './open';

const crypto = createFieldCrypto(parseKeyring(`a:${randomBytes(32).toString('base64')}`, 'TEST'));
const SECRET = 'my payout to account 4242 never arrived';

async function seeded(store: Store): Promise<string> {
  await store.tenants.upsert({ id: 't', name: 'T', allowedOrigins: [], allowLocalhost: false });
  const { id } = await store.conversations.create({ tenantId: 't', subject: 'cust-1' });
  return id;
}

const message = (conversationId: string, role: 'user' | 'assistant', text: string) => ({
  conversationId,
  tenantId: 't',
  role,
  text,
  citations: [],
  confidence: null,
  responseTimeMs: null,
});

/** Everything the file holds in the encrypted columns, read around the store. */
function rawColumns(path: string): string {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const texts = db.prepare('SELECT text FROM messages').pluck().all();
    const users = db.prepare('SELECT email, name FROM users').all();
    return JSON.stringify({ texts, users });
  } finally {
    db.close();
  }
}

describe('encryption at rest in the SQLite store', () => {
  it('stores message text and user email/name encrypted and reads them back plain', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wc-enc-')), 'w.db');
    const store = openSqliteStore({ path, crypto });
    const conversationId = await seeded(store);
    const asked = await store.messages.append(message(conversationId, 'user', SECRET));
    expect(asked.text).toBe(SECRET);
    const answered = await store.turns.record({
      answer: message(conversationId, 'assistant', 'Your payout of $812.40 is on its way.'),
      status: null,
      audit: {
        tenantId: 't',
        actorType: 'customer',
        actorId: 'cust-1',
        action: 'chat.message',
        resourceType: 'conversation',
        resourceId: conversationId,
        details: {},
        ip: null,
        userAgent: null,
      },
    });
    expect(answered.text).toBe('Your payout of $812.40 is on its way.');
    const user = await store.users.upsertSeen({
      tenantId: 't',
      subject: 'cust-1',
      email: 'ana.worker@example.com',
      name: 'Ana Worker',
    });
    expect(user).toMatchObject({ email: 'ana.worker@example.com', name: 'Ana Worker' });
    // A later sign-in without claims keeps the (encrypted) email and name.
    await store.users.upsertSeen({ tenantId: 't', subject: 'cust-1', email: null, name: null });
    expect(await store.users.get('t', 'cust-1')).toMatchObject({
      email: 'ana.worker@example.com',
      name: 'Ana Worker',
    });

    const raw = rawColumns(path);
    for (const plain of ['4242', 'payout', '812.40', 'ana.worker', 'Ana Worker'])
      expect(raw).not.toContain(plain);
    expect(raw.match(/enc:v1:a:/g)).toHaveLength(4);
    expect((await store.messages.list('t', conversationId)).map((m) => m.text)).toEqual([
      SECRET,
      'Your payout of $812.40 is on its way.',
    ]);
    await store.close();
  });

  it('still reads rows written before encryption was turned on', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wc-enc-')), 'w.db');
    const plain = openSqliteStore({ path });
    const conversationId = await seeded(plain);
    await plain.messages.append(message(conversationId, 'user', 'old plain question'));
    await plain.users.upsertSeen({
      tenantId: 't',
      subject: 'cust-1',
      email: 'old@example.com',
      name: null,
    });
    await plain.close();
    const store = openSqliteStore({ path, crypto });
    await store.messages.append(message(conversationId, 'assistant', 'new encrypted answer'));
    expect((await store.messages.list('t', conversationId)).map((m) => m.text)).toEqual([
      'old plain question',
      'new encrypted answer',
    ]);
    expect((await store.users.get('t', 'cust-1'))?.email).toBe('old@example.com');
    await store.close();
  });
});
