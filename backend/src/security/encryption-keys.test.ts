import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { GENERATED_KEYRING_FILE, resolveEncryptionKeyring } from './encryption-keys';

const dataDir = () => mkdtempSync(join(tmpdir(), 'wc-keys-'));

describe('resolveEncryptionKeyring', () => {
  it('generates a keyring once, owner-only, and reuses it on the next start', () => {
    const dir = dataDir();
    const first = resolveEncryptionKeyring(undefined, dir);
    const file = join(dir, GENERATED_KEYRING_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'secrets')).mode & 0o777).toBe(0o700);
    expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`^${first.activeKeyId}:`));
    const again = resolveEncryptionKeyring(undefined, dir);
    expect(again.activeKeyId).toBe(first.activeKeyId);
    expect(again.keys.get(again.activeKeyId)?.equals(first.keys.get(first.activeKeyId)!)).toBe(
      true,
    );
  });

  it('uses the configured keyring, keeping a generated key for decryption only', () => {
    const dir = dataDir();
    const generated = resolveEncryptionKeyring(undefined, dir);
    const ring = resolveEncryptionKeyring(`prod:${randomBytes(32).toString('base64')}`, dir);
    expect(ring.activeKeyId).toBe('prod');
    expect([...ring.keys.keys()]).toEqual(['prod', generated.activeKeyId]);
  });

  it('generates nothing when the key is configured', () => {
    const dir = dataDir();
    resolveEncryptionKeyring(`prod:${randomBytes(32).toString('base64')}`, dir);
    expect(() => statSync(join(dir, GENERATED_KEYRING_FILE))).toThrow();
  });

  it('refuses the same key id with two different keys', () => {
    const dir = dataDir();
    const generated = resolveEncryptionKeyring(undefined, dir);
    const clash = `${generated.activeKeyId}:${randomBytes(32).toString('base64')}`;
    expect(() => resolveEncryptionKeyring(clash, dir)).toThrow(ConfigError);
  });
});
