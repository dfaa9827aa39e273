/**
 * `wagechat keys generate|status|rotate`: field-encryption keys (security/field-crypto.ts).
 * Prints counts and key ids only, never a value or (except `generate`, whose whole point it
 * is) key material.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config';
import { isAppError } from '../errors';
import { resolveEncryptionKeyring } from '../security/encryption-keys';
import { createFieldCrypto } from '../security/field-crypto';
import { generateKeyEntry } from '../security/keyring';
import { rotateKeys, staleCount } from '../security/rotate-keys';
import { openSqliteStore } from '../store/sqlite/open';
import type { KeyCensusRow, Store } from '../store/types';
import { CommandError, UsageError } from './cli-errors';

/** Usage lines for the CLI's help text. */
export const KEYS_USAGE = `  keys generate [--id KID]         Print a new key entry "kid:base64" for WAGECHAT_ENCRYPTION_KEY.
  keys status                      Count encrypted values per column and key id.
  keys rotate [--batch 500]        Re-encrypt every value not on the active (first) key, in
                                   batches, each its own transaction; rerun to resume.`;

export interface KeysCommandDeps {
  /** Opens the store with the configured keyring; not called by `generate`. */
  openStore: () => Store;
  out: (line: string) => void;
  /** Who ran the command (the OS user), for the audit trail. */
  actor: string;
}

/** The store the server would open: same file, same keyring (and the generated one if any). */
export const openKeysStore = (config: Config): Store =>
  openSqliteStore({
    path: join(config.dataDir, 'wagechat.db'),
    crypto: createFieldCrypto(resolveEncryptionKeyring(config.encryptionKey, config.dataDir)),
  });

const printCensus = (out: (line: string) => void, census: KeyCensusRow[]) => {
  if (census.length === 0) out('  (no encrypted values yet)');
  for (const row of census)
    out(`  ${row.field.padEnd(16)} ${(row.keyId ?? '(plain)').padEnd(20)} ${row.count}`);
};

/** Runs `keys <action>`; returns the exit code. */
export async function runKeysCommand(args: string[], deps: KeysCommandDeps): Promise<number> {
  const [action, ...rest] = args;
  let values: { id?: string | undefined; batch?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { id: { type: 'string' }, batch: { type: 'string', default: '500' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (action === 'generate') {
    deps.out(values.id ? generateKeyEntry(values.id) : generateKeyEntry());
    return 0;
  }
  if (action !== 'status' && action !== 'rotate')
    throw new UsageError('keys needs generate, status or rotate.');
  const batch = Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > 100_000)
    throw new UsageError('--batch must be 1..100000.');
  const store = deps.openStore();
  try {
    const activeKeyId = store.keyRotation.activeKeyId() ?? '';
    if (action === 'status') {
      const census = await store.keyRotation.census();
      deps.out(`Active key: ${activeKeyId}. Values per column and key id:`);
      printCensus(deps.out, census);
      deps.out(`${staleCount(census, activeKeyId)} value(s) not on the active key.`);
      return 0;
    }
    deps.out(`Re-encrypting under key "${activeKeyId}" in batches of ${batch}.`);
    const result = await rotateKeys(store, {
      batch,
      actor: deps.actor,
      onBatch: ({ batches, rotated }) =>
        deps.out(`  batch ${batches}: ${rotated} row(s) re-encrypted so far`),
    });
    deps.out(`Done: ${result.rotated} row(s) re-encrypted in ${result.batches} batch(es). Now:`);
    printCensus(deps.out, result.after);
    const left = staleCount(result.after, activeKeyId);
    if (left > 0)
      throw new CommandError(`${left} value(s) are still not on the active key; run again.`);
    deps.out(
      'Every value is on the active key: older keys can now be removed from WAGECHAT_ENCRYPTION_KEY.',
    );
    return 0;
  } catch (error) {
    // The decrypt failure's cause names the column and key id, never the value.
    if (
      isAppError(error) &&
      error.cause instanceof Error &&
      error.cause.name === 'FieldDecryptError'
    )
      throw new CommandError(
        `${error.cause.message} Nothing in the failing batch was changed; earlier batches are kept. Put the missing key back in WAGECHAT_ENCRYPTION_KEY (after the active one) and run again.`,
      );
    throw error;
  } finally {
    await store.close();
  }
}
