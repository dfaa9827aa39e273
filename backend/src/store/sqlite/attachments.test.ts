import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../../security/field-crypto';
import { parseKeyring } from '../../security/keyring';
import { rotateKeys } from '../../security/rotate-keys';
import { openSqliteStore } from './open';

const A = `a:${randomBytes(32).toString('base64')}`;
const B = `b:${randomBytes(32).toString('base64')}`;
const open = (path: string, ring: string) =>
  openSqliteStore({ path, crypto: createFieldCrypto(parseKeyring(ring, 'TEST')) });
const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 10, 13]);

async function seeded(path: string) {
  const store = open(path, A);
  await store.tenants.upsert({ id: 't', name: 'T', allowedOrigins: [], allowLocalhost: false });
  const { id } = await store.conversations.create({ tenantId: 't', subject: 'cust-1' });
  const attachment = await store.attachments.create({
    tenantId: 't',
    conversationId: id,
    kind: 'voice',
    name: 'note.webm',
    contentType: 'audio/webm',
    transcript: 'when are my tips paid?',
    content: bytes,
  });
  return { store, attachment };
}

describe('SQLite attachments', () => {
  it('gives back the exact bytes, name and transcript, within the tenant only', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wc-att-')), 'a.db');
    const { store, attachment } = await seeded(path);
    expect(attachment).toMatchObject({ bytes: bytes.length, messageId: null });
    expect((await store.attachments.content('t', attachment.id))?.equals(bytes)).toBe(true);
    expect(await store.attachments.get('t', attachment.id)).toEqual(attachment);
    expect(await store.attachments.get('other', attachment.id)).toBeNull();
    expect(await store.attachments.content('other', attachment.id)).toBeNull();
    await store.close();
  });

  it('links only unsent attachments, once', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wc-att-')), 'a.db');
    const { store, attachment } = await seeded(path);
    const message = await store.messages.append({
      conversationId: attachment.conversationId,
      tenantId: 't',
      role: 'user',
      text: 'listen',
      citations: [],
      confidence: null,
      responseTimeMs: null,
    });
    expect(await store.attachments.link('t', [attachment.id], message.id)).toBe(1);
    expect(await store.attachments.link('t', [attachment.id], message.id)).toBe(0);
    const [listed] = await store.attachments.listByConversation('t', attachment.conversationId);
    expect(listed?.messageId).toBe(message.id);
    await store.close();
  });

  it('moves to a new key with `keys rotate` and still reads back', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wc-att-')), 'a.db');
    const { store, attachment } = await seeded(path);
    await store.close();
    const rotated = open(path, `${B},${A}`);
    await rotateKeys(rotated, { batch: 10 });
    const census = await rotated.keyRotation.census();
    const fields = census.filter((row) => row.field.startsWith('attachments.'));
    expect(fields.map((row) => [row.field, row.keyId])).toEqual([
      ['attachments.name', 'b'],
      ['attachments.content', 'b'],
      ['attachments.transcript', 'b'],
    ]);
    expect((await rotated.attachments.content('t', attachment.id))?.equals(bytes)).toBe(true);
    expect((await rotated.attachments.get('t', attachment.id))?.transcript).toBe(
      'when are my tips paid?',
    );
    await rotated.close();
  });
});
