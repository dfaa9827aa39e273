import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createSqliteAccountLookup } from '../../integrations/accounts/sqlite-account-lookup';
import type { Store } from '../types';
import { applyMigrations } from './apply-migrations';
import { createSqliteAuditRepository } from './audit';
import { createSqliteConversationRepository } from './conversations';
import { createSqliteDocumentRepository } from './documents';
import { createSqliteMessageRepository } from './messages';
import { sqliteMigrations } from './migrations';
import { createSqliteTenantRepository } from './tenants';
import { createSqliteTurnRepository } from './turns';
import { createSqliteUsageRepository } from './usage';

export interface SqliteStoreOptions {
  /** File path, or ':memory:' for tests. */
  path: string;
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
    messages: createSqliteMessageRepository(db),
    documents: createSqliteDocumentRepository(db),
    audit: createSqliteAuditRepository(db),
    turns: createSqliteTurnRepository(db),
    demoAccounts: createSqliteAccountLookup(db),
    usage: createSqliteUsageRepository(db),
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
