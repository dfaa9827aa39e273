import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../../security/field-crypto';
import { parseKeyring } from '../../security/keyring';
import { openSqliteStore } from './open';

const crypto = createFieldCrypto(parseKeyring(`a:${randomBytes(32).toString('base64')}`, 'TEST'));

describe('feedback store', () => {
  it('keeps one row per target (replaced, same id), per tenant, with comments encrypted at rest', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wagechat-feedback-')), 'w.db');
    const store = openSqliteStore({ path, crypto });
    await store.tenants.upsert({ id: 't', name: 'T', allowedOrigins: [], allowLocalhost: false });
    const { id } = await store.conversations.create({ tenantId: 't', subject: 's' });
    const input = {
      tenantId: 't',
      conversationId: id,
      subject: 's',
      thumbs: null,
      messageId: null,
    };
    const first = await store.feedback.save({ ...input, rating: 2, comment: 'slow to answer' });
    const second = await store.feedback.save({ ...input, rating: 5, comment: null });
    expect(second.id).toBe(first.id);
    await store.feedback.save({ ...input, rating: 4, comment: 'much better now' });
    expect(await store.feedback.list('t', id)).toMatchObject([
      { rating: 4, comment: 'much better now' },
    ]);
    expect(await store.feedback.list('other', id)).toEqual([]);
    const raw = new BetterSqlite3(path, { readonly: true });
    const stored = raw.prepare('SELECT comment FROM feedback').pluck().get() as string;
    raw.close();
    expect(stored).toMatch(/^enc:v1:/);
    expect(stored).not.toContain('better');
    await store.close();
  });
});
