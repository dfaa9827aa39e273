import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config';
import { generateKeyEntry, type Keyring, parseKeyring } from './keyring';

/** Where the embedded default keeps a generated keyring, relative to the data folder. */
export const GENERATED_KEYRING_FILE = join('secrets', 'encryption-keys');

/**
 * The field-encryption keyring: WAGECHAT_ENCRYPTION_KEY when set, otherwise the one generated
 * on first start into `<dataDir>/secrets/encryption-keys` (owner-only), reused on later starts,
 * as security/session-secret.ts does for the signing key.
 *
 * When both exist, the file's keys are added as decrypt-only (unless the configured ring has
 * the same id): a deployment that started on a generated key and later sets the variable
 * must still read what it wrote, until `wagechat keys rotate` has moved everything.
 *
 * Scale-out (DATABASE_URL): every replica must share the keys, so there the variable is
 * required and nothing is generated; that check belongs with the Postgres store's wiring.
 * @example const keyring = resolveEncryptionKeyring(config.encryptionKey, config.dataDir)
 */
export function resolveEncryptionKeyring(configured: string | undefined, dataDir: string): Keyring {
  const file = join(dataDir, GENERATED_KEYRING_FILE);
  const stored = existsSync(file) ? parseKeyring(readFileSync(file, 'utf8').trim(), file) : null;
  if (configured) {
    const ring = parseKeyring(configured, 'WAGECHAT_ENCRYPTION_KEY');
    return stored ? withDecryptOnly(ring, stored, file) : ring;
  }
  if (stored) return stored;
  mkdirSync(join(dataDir, 'secrets'), { recursive: true, mode: 0o700 });
  try {
    // 'wx': never overwrite a key; values written with it would be lost.
    writeFileSync(file, `${generateKeyEntry()}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  } catch (error) {
    // Another process (the CLI next to a starting server) generated it a moment ago: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return parseKeyring(readFileSync(file, 'utf8').trim(), file);
}

function withDecryptOnly(ring: Keyring, extra: Keyring, source: string): Keyring {
  const keys = new Map(ring.keys);
  for (const [kid, key] of extra.keys) {
    const mine = keys.get(kid);
    if (!mine) keys.set(kid, key);
    else if (!mine.equals(key))
      throw new ConfigError(
        `WAGECHAT_ENCRYPTION_KEY and ${source} both have key id "${kid}" with different keys: values written with one cannot be read with the other. Give the new key another id.`,
      );
  }
  return { activeKeyId: ring.activeKeyId, keys };
}
