import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { generateKeyEntry, parseKeyring } from './keyring';

const key = () => randomBytes(32).toString('base64');

/** The ConfigError message for a keyring text, asserting it never repeats the text's keys. */
function problem(text: string): string {
  try {
    parseKeyring(text, 'WAGECHAT_ENCRYPTION_KEY');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const part of text.split(/[,:]/)) if (part.length > 8) expect(message).not.toContain(part);
    return message;
  }
  throw new Error('expected the keyring to be refused');
}

describe('parseKeyring', () => {
  it('takes the first key as active and keeps the rest for decryption', () => {
    const ring = parseKeyring(` new:${key()} , old:${key()}`, 'X');
    expect(ring.activeKeyId).toBe('new');
    expect([...ring.keys.keys()]).toEqual(['new', 'old']);
    expect(ring.keys.get('old')).toHaveLength(32);
  });

  it('accepts URL-safe base64 too', () => {
    const material = randomBytes(32).toString('base64url');
    expect(parseKeyring(`k:${material}`, 'X').keys.get('k')).toHaveLength(32);
  });

  it('names each problem and its entry, never the key', () => {
    expect(problem('')).toContain('no keys');
    expect(problem(`k1${key()}`)).toContain('entry 1: expected "kid:base64-key"');
    expect(problem(`k1:${randomBytes(16).toString('base64')}`)).toContain(
      'must be 32 bytes, it is 16',
    );
    expect(problem(`k1:${key()},k2:not*base64!!`)).toContain(
      'entry 2 (key id "k2"): the key is not valid base64',
    );
    expect(problem(`k1:${key()},k1:${key()}`)).toContain('key id "k1" appears twice');
    expect(problem(`a:b:${key()}`)).toContain('not valid base64');
    expect(problem(`bad id:${key()}`)).toContain('the key id must be');
  });

  it('generates entries it can parse', () => {
    const ring = parseKeyring(generateKeyEntry('k7'), 'X');
    expect(ring.activeKeyId).toBe('k7');
    expect(ring.keys.get('k7')).toHaveLength(32);
    expect(generateKeyEntry()).toMatch(/^k\d{8}:/);
  });
});
