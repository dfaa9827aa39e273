import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import type { Keyring } from './keyring';

/**
 * The column a value belongs to, e.g. 'messages.text'. It is authenticated with the value
 * (GCM associated data), so a ciphertext copied into another column fails to decrypt.
 */
export type FieldName = string;

/** Encrypts and decrypts one column's values; what a repository holds. */
export interface FieldCipher {
  encrypt(text: string): string;
  decrypt(stored: string): string;
}

/** AES-256-GCM field encryption with a keyring (security/keyring.ts). */
export interface FieldCrypto {
  /** The key id new values are written with. */
  readonly activeKeyId: string;
  /** `enc:v1:<kid>:<iv b64>:<tag b64>:<ciphertext b64>`, a fresh random IV each call. */
  encrypt(text: string, field: FieldName): string;
  /** The plain text; values without the `enc:` prefix (rows written before encryption) as is. */
  decrypt(stored: string, field: FieldName): string;
  /** The key id a stored value was written with; null for plain (legacy) text. */
  keyIdOf(stored: string): string | null;
  /** The same crypto bound to one column. */
  forField(field: FieldName): FieldCipher;
}

const PREFIX = 'enc:';
const VERSION = 'v1';
const IV_BYTES = 12; // GCM's native nonce size: no extra hashing of the IV.
const TAG_BYTES = 16;
// Random 96-bit IVs stay far below the collision bound NIST SP 800-38D sets (2^32 values per key).

/** The cause we log for any value that fails to decrypt; never the value, never the key. */
class FieldDecryptError extends Error {
  override readonly name = 'FieldDecryptError';
}

const unreadable = (field: FieldName, why: string): AppError =>
  new AppError('internal', 'Something went wrong on our side. Please try again.', {
    cause: new FieldDecryptError(`A stored ${field} value could not be decrypted: ${why}.`),
  });

const aad = (field: FieldName) => Buffer.from(`wagechat:${VERSION}:${field}`, 'utf8');

/**
 * Field encryption for values at rest (§4.2). Authenticated (GCM): an edited ciphertext, tag
 * or IV, a value moved from another column, or a wrong key all fail with an `internal`
 * AppError whose cause says which column, never what was in it.
 * @example const crypto = createFieldCrypto(parseKeyring(env, 'WAGECHAT_ENCRYPTION_KEY'));
 *          crypto.decrypt(crypto.encrypt('hi', 'messages.text'), 'messages.text') // 'hi'
 */
export function createFieldCrypto(keyring: Keyring): FieldCrypto {
  const activeKey = keyring.keys.get(keyring.activeKeyId);
  if (!activeKey) throw new Error('The keyring has no key for its active key id.');
  const crypto: FieldCrypto = {
    activeKeyId: keyring.activeKeyId,
    encrypt(text, field) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', activeKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad(field));
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `${PREFIX}${VERSION}:${keyring.activeKeyId}:${iv.toString('base64')}:${tag.toString('base64')}:${body.toString('base64')}`;
    },
    decrypt(stored, field) {
      if (!stored.startsWith(PREFIX)) return stored;
      const parts = stored.split(':');
      if (parts.length !== 6 || parts[1] !== VERSION) throw unreadable(field, 'not a v1 envelope');
      const [, , kid = '', ivText = '', tagText = '', bodyText = ''] = parts;
      const key = keyring.keys.get(kid);
      if (!key) throw unreadable(field, `key id "${kid}" is not in the keyring`);
      const iv = Buffer.from(ivText, 'base64');
      const tag = Buffer.from(tagText, 'base64');
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
        throw unreadable(field, 'bad IV or tag length');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(aad(field));
        decipher.setAuthTag(tag);
        const body = Buffer.from(bodyText, 'base64');
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        throw unreadable(
          field,
          'authentication failed (edited, moved between columns, or wrong key)',
        );
      }
    },
    keyIdOf(stored) {
      if (!stored.startsWith(PREFIX)) return null;
      return stored.split(':', 3)[2] ?? null;
    },
    forField(field) {
      return {
        encrypt: (text) => crypto.encrypt(text, field),
        decrypt: (stored) => crypto.decrypt(stored, field),
      };
    },
  };
  return crypto;
}
