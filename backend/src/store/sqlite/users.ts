import type { Database } from 'better-sqlite3';
import type { FieldCipher, FieldCrypto } from '../../security/field-crypto';
import type { User, UserRepository } from '../types';

interface UserRow {
  tenant_id: string;
  subject: string;
  email: string | null;
  name: string | null;
  first_seen_at: string;
  last_seen_at: string;
}

// email and name are PII. Every read and write of them is in this file, so field encryption
// wraps exactly these two functions (encrypt on the way in, decrypt on the way out). Each
// column has its own associated data (security/field-crypto.ts): values cannot swap columns.
interface UserCiphers {
  email: FieldCipher;
  name: FieldCipher;
}
const PLAIN: FieldCipher = { encrypt: (text) => text, decrypt: (stored) => stored };
const toColumn = (value: string | null, cipher: FieldCipher): string | null =>
  value === null ? null : cipher.encrypt(value);
const fromColumn = (value: string | null, cipher: FieldCipher): string | null =>
  value === null ? null : cipher.decrypt(value);

const toUser = (r: UserRow, c: UserCiphers): User => ({
  tenantId: r.tenant_id,
  subject: r.subject,
  email: fromColumn(r.email, c.email),
  name: fromColumn(r.name, c.name),
  firstSeenAt: r.first_seen_at,
  lastSeenAt: r.last_seen_at,
});

/**
 * The users table (migration 7): one row per tenant and portal subject. A sign-in without an
 * email or name claim keeps what an earlier one recorded. With `crypto` (deps.ts always
 * passes it), email and name are encrypted at rest.
 */
export function createSqliteUserRepository(
  db: Database,
  now: () => Date = () => new Date(),
  crypto?: FieldCrypto,
): UserRepository {
  const ciphers: UserCiphers = crypto
    ? { email: crypto.forField('users.email'), name: crypto.forField('users.name') }
    : { email: PLAIN, name: PLAIN };
  const select = db.prepare<[string, string], UserRow>(
    'SELECT * FROM users WHERE tenant_id = ? AND subject = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO users (tenant_id, subject, email, name, first_seen_at, last_seen_at)
     VALUES (@tenantId, @subject, @email, @name, @at, @at)
     ON CONFLICT(tenant_id, subject) DO UPDATE SET
       email = COALESCE(excluded.email, users.email),
       name = COALESCE(excluded.name, users.name),
       last_seen_at = excluded.last_seen_at`,
  );
  return {
    async upsertSeen(input) {
      upsert.run({
        tenantId: input.tenantId,
        subject: input.subject,
        email: toColumn(input.email, ciphers.email),
        name: toColumn(input.name, ciphers.name),
        at: now().toISOString(),
      });
      return toUser(select.get(input.tenantId, input.subject)!, ciphers);
    },
    async get(tenantId, subject) {
      const row = select.get(tenantId, subject);
      return row ? toUser(row, ciphers) : null;
    },
  };
}
