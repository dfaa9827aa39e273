import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../deps';
import { GENERATED_KEYRING_FILE } from './encryption-keys';

async function storedTextAfterOneMessage(env: Record<string, string> = {}) {
  const deps = await createTestDeps(env);
  try {
    await deps.store.tenants.upsert({
      id: 'acme',
      name: 'Acme',
      allowedOrigins: [],
      allowLocalhost: false,
    });
    const { id } = await deps.store.conversations.create({ tenantId: 'acme', subject: 'cust-9' });
    const text = 'my payout 4242 is late';
    await deps.store.messages.append({
      conversationId: id,
      tenantId: 'acme',
      role: 'user',
      text,
      citations: [],
      confidence: null,
      responseTimeMs: null,
    });
    expect((await deps.store.messages.list('acme', id)).map((m) => m.text)).toEqual([text]);
  } finally {
    await deps.close();
  }
  const db = new BetterSqlite3(join(deps.config.dataDir, 'wagechat.db'), { readonly: true });
  const stored = db.prepare('SELECT text FROM messages').pluck().get() as string;
  db.close();
  return { stored, dataDir: deps.config.dataDir };
}

describe('the app stores message text encrypted', () => {
  it('with a keyring generated owner-only into the data folder by default', async () => {
    const { stored, dataDir } = await storedTextAfterOneMessage();
    expect(stored).toMatch(/^enc:v1:k\d{8}:/);
    expect(stored).not.toContain('4242');
    expect(statSync(join(dataDir, GENERATED_KEYRING_FILE)).mode & 0o777).toBe(0o600);
  });

  it('with the key from WAGECHAT_ENCRYPTION_KEY when set', async () => {
    const key = `prod-1:${randomBytes(32).toString('base64')}`;
    const { stored, dataDir } = await storedTextAfterOneMessage({ WAGECHAT_ENCRYPTION_KEY: key });
    expect(stored).toMatch(/^enc:v1:prod-1:/);
    expect(() => statSync(join(dataDir, GENERATED_KEYRING_FILE))).toThrow();
  });
});
