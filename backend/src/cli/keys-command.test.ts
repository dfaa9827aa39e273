import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../security/field-crypto';
import { parseKeyring } from '../security/keyring';
import { openSqliteStore } from '../store/sqlite/open';
import { CommandError, UsageError } from './cli-errors';
import { runKeysCommand } from './keys-command';

const A = `a:${randomBytes(32).toString('base64')}`;
const B = `b:${randomBytes(32).toString('base64')}`;

/** A database file with three messages written under `ring`. */
async function fileWith(ring: string): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'wc-keys-cmd-')), 'w.db');
  const store = openSqliteStore({ path, crypto: createFieldCrypto(parseKeyring(ring, 'T')) });
  await store.tenants.upsert({ id: 't', name: 'T', allowedOrigins: [], allowLocalhost: false });
  const { id } = await store.conversations.create({ tenantId: 't', subject: 's' });
  for (const text of ['one secret', 'two secret', 'three secret'])
    await store.messages.append({
      conversationId: id,
      tenantId: 't',
      role: 'user',
      text,
      citations: [],
      confidence: null,
      responseTimeMs: null,
    });
  await store.close();
  return path;
}

function run(args: string[], path: string, ring: string) {
  const lines: string[] = [];
  const done = runKeysCommand(args, {
    openStore: () => openSqliteStore({ path, crypto: createFieldCrypto(parseKeyring(ring, 'T')) }),
    out: (line) => lines.push(line),
    actor: 'ops-user',
  });
  return { lines, done };
}

describe('wagechat keys', () => {
  it('generates an entry the keyring accepts', async () => {
    const { lines, done } = run(['generate', '--id', 'k9'], '/nonexistent', A);
    expect(await done).toBe(0);
    expect(parseKeyring(lines[0] ?? '', 'T').activeKeyId).toBe('k9');
  });

  it('reports status, rotates with counts, and prints no values', async () => {
    const path = await fileWith(A);
    const status = run(['status'], path, `${B},${A}`);
    expect(await status.done).toBe(0);
    expect(status.lines.join('\n')).toMatch(/messages\.text\s+a\s+3/);
    expect(status.lines.at(-1)).toBe('3 value(s) not on the active key.');
    const rotate = run(['rotate', '--batch', '2'], path, `${B},${A}`);
    expect(await rotate.done).toBe(0);
    const printed = rotate.lines.join('\n');
    expect(printed).toContain('Done: 3 row(s) re-encrypted in 2 batch(es)');
    expect(printed).toMatch(/messages\.text\s+b\s+3/);
    expect(printed).not.toContain('secret');
  });

  it('explains a missing key without printing values or keys', async () => {
    const path = await fileWith(A);
    const { done } = run(['rotate'], path, B);
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as Error).message).toContain('key id "a" is not in the keyring');
    expect((error as Error).message).not.toContain('secret');
    expect((error as Error).message).not.toContain(B.slice(2));
  });

  it('refuses unknown actions and bad batch sizes as usage errors', async () => {
    await expect(run(['spin'], '/x', A).done).rejects.toBeInstanceOf(UsageError);
    await expect(run(['rotate', '--batch', '0'], '/x', A).done).rejects.toBeInstanceOf(UsageError);
  });
});
