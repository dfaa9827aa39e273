import { randomBytes } from 'node:crypto';
import { ConfigError } from '../config';

/** Field-encryption keys by id: the active one encrypts, every key decrypts. */
export interface Keyring {
  activeKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** Key ids go inside the envelope (`enc:v1:<kid>:...`), so no ':' and nothing a LIKE/GLOB treats specially. */
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
// Standard or URL-safe alphabet; Buffer.from(x, 'base64') alone would silently skip bad characters.
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const KEY_BYTES = 32;

/**
 * Parses `kid:base64-32-bytes[,kid:base64...]` (WAGECHAT_ENCRYPTION_KEY): the first key is
 * active, the rest only decrypt (values written before a rotation). Errors name the entry
 * and the problem, never the key material.
 * @example parseKeyring('k2:<base64>,k1:<base64>', 'WAGECHAT_ENCRYPTION_KEY').activeKeyId // 'k2'
 */
export function parseKeyring(text: string, source: string): Keyring {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0)
    throw new ConfigError(`${source}: no keys; expected "kid:base64-32-bytes[,kid:base64...]".`);
  const keys = new Map<string, Buffer>();
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    const at = `${source} entry ${index + 1}`;
    const colon = entry.indexOf(':');
    if (colon < 0) {
      problems.push(`${at}: expected "kid:base64-key" (no ':' found)`);
      return;
    }
    const kid = entry.slice(0, colon).trim();
    const material = entry.slice(colon + 1).trim();
    if (!KEY_ID.test(kid)) {
      problems.push(`${at}: the key id must be 1-32 of A-Z a-z 0-9 _ -`);
      return;
    }
    if (keys.has(kid)) {
      problems.push(`${at}: key id "${kid}" appears twice`);
      return;
    }
    if (!BASE64.test(material) || material.replace(/=+$/, '').length % 4 === 1) {
      problems.push(`${at} (key id "${kid}"): the key is not valid base64`);
      return;
    }
    const key = Buffer.from(
      material,
      material.includes('-') || material.includes('_') ? 'base64url' : 'base64',
    );
    if (key.length !== KEY_BYTES) {
      problems.push(
        `${at} (key id "${kid}"): the key must be ${KEY_BYTES} bytes, it is ${key.length}`,
      );
      return;
    }
    keys.set(kid, key);
  });
  if (problems.length > 0)
    throw new ConfigError(`Invalid encryption keys:\n  ${problems.join('\n  ')}`);
  const [activeKeyId] = keys.keys();
  return { activeKeyId: activeKeyId as string, keys };
}

/** One new keyring entry, `kid:base64`, from 32 random bytes (what `wagechat keys generate` prints). */
export function generateKeyEntry(
  kid = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`,
): string {
  if (!KEY_ID.test(kid)) throw new ConfigError('The key id must be 1-32 of A-Z a-z 0-9 _ -.');
  return `${kid}:${randomBytes(KEY_BYTES).toString('base64')}`;
}
