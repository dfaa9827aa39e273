import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { createFieldCrypto } from './field-crypto';
import { parseKeyring } from './keyring';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');
const ring = (text: string) => createFieldCrypto(parseKeyring(text, 'TEST_KEY'));
const FIELD = 'messages.text';

/** The thrown value, asserting it is our uniform internal error with nothing of the value in it. */
function failure(run: () => unknown, secret: string): unknown {
  try {
    run();
  } catch (error) {
    expect(isAppError(error) && error.code).toBe('internal');
    const everything = JSON.stringify({ error, cause: String((error as Error).cause) });
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(keyA);
    return error;
  }
  throw new Error('expected a failure');
}

describe('field crypto', () => {
  it('round-trips text, with a fresh IV each time, in the documented envelope', () => {
    const crypto = ring(`a:${keyA}`);
    const text = 'My SSN is not here, but my pay was late — ☕ 🙂';
    const one = crypto.encrypt(text, FIELD);
    const two = crypto.encrypt(text, FIELD);
    expect(one).toMatch(/^enc:v1:a:[A-Za-z0-9+/=]{16}:[A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]+$/);
    expect(one).not.toBe(two);
    expect(one).not.toContain('pay');
    expect(crypto.decrypt(one, FIELD)).toBe(text);
    expect(crypto.decrypt(crypto.encrypt('', FIELD), FIELD)).toBe('');
    expect(crypto.keyIdOf(one)).toBe('a');
    expect(crypto.activeKeyId).toBe('a');
  });

  it('returns legacy plain text as is', () => {
    const crypto = ring(`a:${keyA}`);
    expect(crypto.decrypt('written before encryption', FIELD)).toBe('written before encryption');
    expect(crypto.keyIdOf('written before encryption')).toBeNull();
  });

  it('refuses an edited ciphertext, tag or IV with an internal error that leaks nothing', () => {
    const crypto = ring(`a:${keyA}`);
    const stored = crypto.encrypt('late payout secret', FIELD);
    const parts = stored.split(':');
    for (const index of [3, 4, 5]) {
      const edited = [...parts];
      const bytes = Buffer.from(edited[index] ?? '', 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      edited[index] = bytes.toString('base64');
      const error = failure(() => crypto.decrypt(edited.join(':'), FIELD), 'late payout secret');
      expect(String((error as Error).cause)).toContain('messages.text');
    }
    failure(() => crypto.decrypt(`${stored}:extra`, FIELD), 'late payout secret');
  });

  it('binds a value to its column: moved to another column it does not decrypt', () => {
    const crypto = ring(`a:${keyA}`);
    const email = crypto.encrypt('worker@example.com', 'users.email');
    expect(crypto.decrypt(email, 'users.email')).toBe('worker@example.com');
    failure(() => crypto.decrypt(email, 'users.name'), 'worker@example.com');
  });

  it('decrypts with older keys in the ring and encrypts with the first', () => {
    const old = ring(`a:${keyA}`).encrypt('before rotation', FIELD);
    const rotated = ring(`b:${keyB},a:${keyA}`);
    expect(rotated.decrypt(old, FIELD)).toBe('before rotation');
    expect(rotated.keyIdOf(rotated.encrypt('after', FIELD))).toBe('b');
    // Without key a, its values cannot be read, and the error names the key id only.
    const error = failure(() => ring(`b:${keyB}`).decrypt(old, FIELD), 'before rotation');
    expect(String((error as Error).cause)).toContain('"a"');
  });

  it('binds a cipher to one field with forField', () => {
    const crypto = ring(`a:${keyA}`);
    const names = crypto.forField('users.name');
    expect(names.decrypt(names.encrypt('Ana'))).toBe('Ana');
    failure(() => crypto.decrypt(names.encrypt('Ana'), 'users.email'), 'Ana');
  });
});
