import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createSqliteAccountLookup } from '../../integrations/accounts/sqlite-account-lookup';
import type { FieldCrypto } from '../../security/field-crypto';
import type { Store } from '../types';
import { applyMigrations } from './apply-migrations';
import { createSqliteAttachmentRepository } from './attachments';
import { createSqliteAuditRepository } from './audit';
import { createSqliteConversationRepository } from './conversations';
import { createSqliteDocumentRepository } from './documents';
import { createSqliteFeedbackRepository } from './feedback';
import { createSqliteKeyRotation } from './key-rotation';
import { createSqliteMessageRepository } from './messages';
import { sqliteMigrations } from './migrations';
import { createSqliteRetentionRepository } from './retention';
import { createSqliteTenantRepository } from './tenants';
import { createSqliteTurnRepository } from './turns';
import { createSqliteUsageRepository } from './usage';
import { createSqliteUserRepository } from './users';
import { createSqliteWidgetConfigRepository } from './widget-configs';

export interface SqliteStoreOptions {
  /** File path, or ':memory:' for tests. */
  path: string;
  /**
   * Field encryption at rest (message text, users' email and name). deps.ts always passes
   * one; without it (other modules' unit tests) values are stored as plain text.
   */
  crypto?: FieldCrypto;
}

/**
 * Opens (creating if needed) the embedded SQLite database and brings its schema up to date.
 * WAL lets chat reads go on while a write commits; `synchronous = NORMAL` is durable across
 * process crashes in WAL mode, which is what "nothing accepted is lost" needs of one node.
 * @example const store = openSqliteStore({ path: join(config.dataDir, 'wagechat.db') })
 */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new BetterSqlite3(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  applyMigrations(db, sqliteMigrations);
  return {
    tenants: createSqliteTenantRepository(db),
    conversations: createSqliteConversationRepository(db),
    messages: createSqliteMessageRepository(db, options.crypto),
    documents: createSqliteDocumentRepository(db),
    audit: createSqliteAuditRepository(db),
    retention: createSqliteRetentionRepository(db),
    turns: createSqliteTurnRepository(db, options.crypto),
    demoAccounts: createSqliteAccountLookup(db),
    usage: createSqliteUsageRepository(db),
    users: createSqliteUserRepository(db, undefined, options.crypto),
    keyRotation: createSqliteKeyRotation(db, options.crypto),
    attachments: createSqliteAttachmentRepository(db, options.crypto),
    feedback: createSqliteFeedbackRepository(db, options.crypto),
    widgetConfigs: createSqliteWidgetConfigRepository(db),
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
